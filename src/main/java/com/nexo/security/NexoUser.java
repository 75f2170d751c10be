package com.nexo.security;

import com.nexo.tenancy.ActorPrincipal;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user: what authentication checked and what every transaction is bound to. */
public final class NexoUser implements UserDetails, CredentialsContainer, ActorPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID tenantId;
    private final String email;
    private final String displayName;
    private final ActorType actorType;
    private final UUID partyId;
    private final boolean enabled;
    private final Locale locale;
    private final Set<String> permissions;
    private final long accessVersion;
    /** When the password was last set (not re-encoded) as login saw it; null when never. */
    private final Instant passwordChangedAt;

    private String passwordHash;

    public NexoUser(
            UUID userId,
            UUID tenantId,
            String email,
            String displayName,
            ActorType actorType,
            UUID partyId,
            boolean enabled,
            Locale locale,
            Set<String> permissions,
            long accessVersion,
            Instant passwordChangedAt,
            String passwordHash) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.email = email;
        this.displayName = displayName;
        this.actorType = actorType;
        this.partyId = partyId;
        this.enabled = enabled;
        this.locale = locale;
        this.permissions = Set.copyOf(permissions);
        this.accessVersion = accessVersion;
        this.passwordChangedAt = passwordChangedAt;
        this.passwordHash = passwordHash;
    }

    /**
     * A platform operator: no tenant, no permissions of a tenant's roles; its one authority is
     * {@code ROLE_OPERATOR}, and its database context shows tenant rows and nothing else.
     */
    public static NexoUser operator(
            UUID operatorId, String email, String displayName, boolean enabled, Locale locale, String passwordHash) {
        return new NexoUser(
                operatorId,
                null,
                email,
                displayName,
                ActorType.OPERATOR,
                null,
                enabled,
                locale,
                Set.of(),
                0,
                null,
                passwordHash);
    }

    /** The same user with the access the database grants now (see {@code CurrentAccessFilter}). */
    public NexoUser withAccess(Set<String> currentPermissions, long currentAccessVersion) {
        return new NexoUser(
                userId,
                tenantId,
                email,
                displayName,
                actorType,
                partyId,
                enabled,
                locale,
                currentPermissions,
                currentAccessVersion,
                passwordChangedAt,
                null);
    }

    /** The same user, knowing when its password was last set (see {@code CurrentAccessFilter}). */
    public NexoUser withPasswordChangedAt(Instant changedAt) {
        return new NexoUser(
                userId,
                tenantId,
                email,
                displayName,
                actorType,
                partyId,
                enabled,
                locale,
                permissions,
                accessVersion,
                changedAt,
                passwordHash);
    }

    @Override
    public DatabaseContext databaseContext() {
        return new DatabaseContext(tenantId, userId, actorType, partyId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + actorType.name()));
        for (String permission : permissions) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + permission));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    public UUID userId() {
        return userId;
    }

    /** The tenant the user belongs to; {@code null} for a platform operator. */
    public UUID tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public ActorType actorType() {
        return actorType;
    }

    /** Whether this is a platform operator rather than a user of a tenant. */
    public boolean isOperator() {
        return actorType == ActorType.OPERATOR;
    }

    /** Whether the user's roles grant this permission ({@code module.action}). */
    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    public Set<String> permissions() {
        return permissions;
    }

    public long accessVersion() {
        return accessVersion;
    }

    UUID partyId() {
        return partyId;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    /** The language the user chose, or the tenant's default when the user never chose one. */
    public Locale locale() {
        return locale;
    }
}

package com.nexo.security.users;

import com.nexo.base.TenantOwnedEntity;
import com.nexo.security.roles.Role;
import com.nexo.tenancy.ActorType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** A person who logs in to one tenant: an employee, or an external actor tied to an account. */
@Entity
@Table(name = "app_user")
public class AppUser extends TenantOwnedEntity {

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Convert(converter = ActorTypeConverter.class)
    @Column(name = "actor_type", nullable = false, updatable = false)
    private ActorType actorType;

    @Column(name = "party_id", updatable = false)
    private UUID partyId;

    @Column(nullable = false)
    private boolean enabled = true;

    private String locale;

    /** Written by the login function, never by this entity. */
    @Column(name = "last_login_at", insertable = false, updatable = false)
    private Instant lastLoginAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Bumped whenever the user's access changes, so every node re-reads it on the next request. */
    @Column(name = "access_version", nullable = false)
    private long accessVersion;

    @ManyToMany
    @BatchSize(size = 100)
    @JoinTable(
            name = "user_role",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();

    protected AppUser() {}

    public AppUser(String email, String displayName, ActorType actorType, UUID partyId) {
        this.email = email;
        this.displayName = displayName;
        this.actorType = actorType;
        this.partyId = partyId;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
        accessChanged();
    }

    /** Replaces the hash with a stronger encoding of the same password (no access change). */
    public void upgradePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void chooseLocale(String languageTag) {
        this.locale = languageTag;
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    /** Returns whether it changed. */
    public boolean enable(boolean enable) {
        if (enabled == enable) {
            return false;
        }
        enabled = enable;
        accessChanged();
        return true;
    }

    /** Returns whether the roles changed. */
    public boolean assignExactly(Collection<Role> newRoles) {
        Set<Role> wanted = new HashSet<>(newRoles);
        if (wanted.equals(roles)) {
            return false;
        }
        roles.clear();
        roles.addAll(wanted);
        accessChanged();
        return true;
    }

    private void accessChanged() {
        accessVersion++;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public ActorType getActorType() {
        return actorType;
    }

    UUID getPartyId() {
        return partyId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    String getLocale() {
        return locale;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}

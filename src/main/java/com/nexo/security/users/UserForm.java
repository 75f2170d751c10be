package com.nexo.security.users;

import com.nexo.tenancy.ActorType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A user as the administration form edits it ({@code BeanValidationBinder}): loaded by {@link
 * UserAdministration#getForm(UUID)}, saved by {@link UserAdministration#update(UserForm)}. E-mail,
 * actor type and last login are shown, not edited. The version is the one the form was loaded at;
 * saving over a newer one is refused. Messages are translation keys.
 */
public class UserForm {

    public static final int MAX_NAME_LENGTH = 200;

    private UUID id;
    private long version;
    private String email;
    private ActorType actorType;
    private Instant lastLoginAt;

    @NotBlank(message = "{users.error.name-required}")
    @Size(max = MAX_NAME_LENGTH, message = "{users.error.name-too-long}")
    private String displayName;

    private boolean enabled;

    @NotNull
    private Set<UUID> roleIds = new HashSet<>();

    public UserForm() {}

    UserForm(AppUser user) {
        this.id = user.getId();
        this.version = user.getVersion();
        this.email = user.getEmail();
        this.actorType = user.getActorType();
        this.lastLoginAt = user.getLastLoginAt();
        this.displayName = user.getDisplayName();
        this.enabled = user.isEnabled();
        user.getRoles().forEach(role -> roleIds.add(role.getId()));
    }

    /** A copy to write a form's fields into, keeping this one as it was loaded. */
    public UserForm copy() {
        UserForm copy = new UserForm();
        copy.id = id;
        copy.version = version;
        copy.email = email;
        copy.actorType = actorType;
        copy.lastLoginAt = lastLoginAt;
        copy.displayName = displayName;
        copy.enabled = enabled;
        copy.roleIds = new HashSet<>(roleIds);
        return copy;
    }

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getEmail() {
        return email;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Set<UUID> getRoleIds() {
        return roleIds;
    }

    public void setRoleIds(Set<UUID> roleIds) {
        this.roleIds = roleIds == null ? new HashSet<>() : new HashSet<>(roleIds);
    }

    /** Whether what the form edits (name, enabled, roles) is the same in both. */
    public boolean sameEditableState(UserForm other) {
        return displayName.equals(other.displayName) && enabled == other.enabled && roleIds.equals(other.roleIds);
    }
}

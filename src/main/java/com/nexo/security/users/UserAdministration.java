package com.nexo.security.users;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.PasswordPolicy;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.roles.PredefinedRole;
import com.nexo.security.roles.Role;
import com.nexo.security.roles.RoleRepository;
import com.nexo.security.sessions.SessionService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to an existing user of the tenant: its name, whether it may log in, its
 * roles, and a new password. Only users whose access the administrator holds entirely may be changed,
 * and only to roles within the administrator's own access; the tenant keeps an enabled administrator.
 */
@Service
public class UserAdministration {

    private final AppUserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwordEncoder;
    private final SecurityEventLog events;
    private final SessionService sessions;

    UserAdministration(
            AppUserRepository users,
            RoleRepository roles,
            PasswordEncoder passwordEncoder,
            SecurityEventLog events,
            SessionService sessions) {
        this.users = users;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
    }

    /** The user as the administration form edits it. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public UserForm getForm(UUID id) {
        return new UserForm(find(id));
    }

    /**
     * Saves the form: name, enabled and roles. When someone else saved the user since the form was
     * loaded, nothing is written ({@link OptimisticLockingFailureException}).
     */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_EDIT)
    public void update(UserForm form) {
        UUID id = form.getId();
        AppUser user = find(id);
        if (!Objects.equals(user.getVersion(), form.getVersion())) {
            throw new OptimisticLockingFailureException("User " + id + " changed since it was loaded");
        }
        String displayName = form.getDisplayName();
        if (displayName == null || displayName.isBlank()) {
            throw new AccessRuleException("users.error.name-required");
        }
        if (!OwnAccess.coversRoles(user.getRoles())) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        boolean enabled = form.isEnabled();
        boolean myself = CurrentUser.get().map(me -> me.userId().equals(id)).orElse(false);
        if (myself && !enabled) {
            throw new AccessRuleException("users.error.disable-self");
        }
        user.rename(displayName.strip());
        if (user.enable(enabled)) {
            events.record(enabled ? SecurityEventType.USER_ENABLED : SecurityEventType.USER_DISABLED, id, null);
            if (!enabled) {
                sessions.endSessionsAfterCommit(id);
            }
        }
        Set<UUID> roleIds = form.getRoleIds();
        List<Role> wanted = roles.findAllById(roleIds);
        if (wanted.size() != roleIds.size()) {
            throw new AccessRuleException("roles.error.not-found");
        }
        if (!OwnAccess.coversRoles(wanted)) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        boolean keepsAdministrator = enabled && wanted.stream().anyMatch(UserAdministration::isAdministrator);
        boolean wasAdministrator = user.getRoles().stream().anyMatch(UserAdministration::isAdministrator);
        if (wasAdministrator
                && !keepsAdministrator
                && users.countOthersEnabledWithRole(PredefinedRole.ADMINISTRATOR.code(), id) == 0) {
            throw new AccessRuleException("users.error.last-administrator");
        }
        if (user.assignExactly(wanted)) {
            events.record(
                    SecurityEventType.USER_ROLES_CHANGED,
                    id,
                    wanted.stream().map(Role::getCode).sorted().collect(Collectors.joining(",", "[", "]")));
        }
        users.saveAndFlush(user);
    }

    /**
     * Sets a new password chosen by an administrator (who hands it over by other means); only for
     * users whose access the administrator holds entirely, or it would be a way into more rights. The
     * user's sessions end on their next request, so a reset after a compromise shuts the intruder out.
     *
     * @return the user as the form edits it now (its version moved on)
     */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_EDIT)
    public UserForm resetPassword(UUID id, String newPassword) {
        AppUser user = find(id);
        if (!OwnAccess.coversRoles(user.getRoles())) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        PasswordPolicy.check(newPassword, user.getEmail());
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        events.record(SecurityEventType.PASSWORD_RESET, id, null);
        sessions.endSessionsAfterCommit(id);
        return new UserForm(users.saveAndFlush(user));
    }

    private AppUser find(UUID id) {
        return users.findById(id).orElseThrow(() -> new AccessRuleException("users.error.not-found"));
    }

    private static boolean isAdministrator(Role role) {
        return role.getCode().equals(PredefinedRole.ADMINISTRATOR.code());
    }
}

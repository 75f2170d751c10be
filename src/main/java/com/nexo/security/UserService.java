package com.nexo.security;

import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.operators.PlatformOperators;
import com.nexo.security.roles.PredefinedRole;
import com.nexo.security.roles.Role;
import com.nexo.security.roles.RoleRepository;
import com.nexo.security.sessions.SessionService;
import com.nexo.security.users.AppUser;
import com.nexo.security.users.AppUserRepository;
import com.nexo.security.users.OwnAccess;
import com.nexo.tenancy.ActorType;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users of the current tenant: administration, and each user's own profile. */
@Service
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AppUserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwordEncoder;
    private final SecurityEventLog events;
    private final PlatformOperators operators;
    private final SessionService sessions;

    UserService(
            AppUserRepository users,
            RoleRepository roles,
            PasswordEncoder passwordEncoder,
            SecurityEventLog events,
            PlatformOperators operators,
            SessionService sessions) {
        this.sessions = sessions;
        this.users = users;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.operators = operators;
    }

    /** Creates a user of the current tenant with an initial password and the given roles. */
    @Transactional
    @RolesAllowed({AccessPermissions.USERS_CREATE, Roles.SYSTEM})
    public UUID createUser(NewUser newUser) {
        String email = newUser.email() == null ? "" : newUser.email().strip();
        if (!EMAIL.matcher(email).matches()) {
            throw new AccessRuleException("users.error.email-format");
        }
        if (newUser.displayName() == null || newUser.displayName().isBlank()) {
            throw new AccessRuleException("users.error.name-required");
        }
        if (newUser.actorType().isExternal() && newUser.partyId() == null) {
            throw new AccessRuleException("users.error.party-required");
        }
        PasswordPolicy.check(newUser.initialPassword(), email);
        // Tenant users and platform operators share one space of login names (see PlatformOperators).
        if (users.existsByEmailIgnoreCase(email) || operators.emailInUse(email)) {
            throw new AccessRuleException("users.error.email-taken");
        }
        List<Role> initialRoles = rolesByCode(newUser.roleCodes());
        if (!OwnAccess.coversRoles(initialRoles)) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        AppUser user = new AppUser(email, newUser.displayName().strip(), newUser.actorType(), newUser.partyId());
        user.changePasswordHash(passwordEncoder.encode(newUser.initialPassword()));
        user.chooseLocale(newUser.locale());
        user.assignExactly(initialRoles);
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            // Another tenant's user may hold the address (login names are unique across tenants).
            throw new AccessRuleException("users.error.email-taken");
        }
        events.record(SecurityEventType.USER_CREATED, user.getId(), email + " " + newUser.roleCodes());
        return user.getId();
    }

    /**
     * Creates, on a first single sign-on, a user of the tenant whose settings allow it (the caller runs
     * this as the system actor of that tenant): an employee without a password, who signs in through
     * the provider only, with the predefined read-only role. An administrator gives more later.
     */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public UUID createSingleSignOnUser(String email, String displayName, String locale, String signOnMethod) {
        String address = email == null ? "" : email.strip();
        if (!EMAIL.matcher(address).matches()) {
            throw new AccessRuleException("users.error.email-format");
        }
        if (users.existsByEmailIgnoreCase(address) || operators.emailInUse(address)) {
            throw new AccessRuleException("users.error.email-taken");
        }
        String name = displayName == null || displayName.isBlank()
                ? address.substring(0, address.indexOf('@'))
                : displayName.strip();
        Role readOnly = roles.findByCode(PredefinedRole.READ_ONLY.code())
                .orElseThrow(() -> new AccessRuleException("roles.error.not-found"));
        AppUser user = new AppUser(address, name, ActorType.EMPLOYEE, null);
        user.chooseLocale(locale);
        user.assignExactly(List.of(readOnly));
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw new AccessRuleException("users.error.email-taken");
        }
        events.record(
                SecurityEventType.USER_CREATED,
                user.getId(),
                address + " [" + readOnly.getCode() + "] " + signOnMethod);
        return user.getId();
    }

    /** A page of the tenant's users whose name or e-mail contains {@code text}, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public List<UserRow> listUsers(String text, int offset, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        int size = Math.max(1, limit);
        return users.search(pattern, PageRequest.of(offset / size, size, Sort.by("displayName", "id"))).stream()
                .map(UserRow::of)
                .toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public UserDetails getUser(UUID id) {
        return UserDetails.of(users.findById(id).orElseThrow(() -> new AccessRuleException("users.error.not-found")));
    }

    /**
     * Saves an administrator's changes to a user: name, enabled and roles. When someone else saved
     * the user since {@code expectedVersion} was loaded, nothing is written. Only users whose access
     * the caller holds entirely may be changed, and only to roles within the caller's own access.
     */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_EDIT)
    public void updateUser(UUID id, long expectedVersion, String displayName, boolean enabled, Set<UUID> roleIds) {
        AppUser user = users.findById(id).orElseThrow(() -> new AccessRuleException("users.error.not-found"));
        if (!Objects.equals(user.getVersion(), expectedVersion)) {
            throw new OptimisticLockingFailureException("User " + id + " changed since it was loaded");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new AccessRuleException("users.error.name-required");
        }
        if (!OwnAccess.coversRoles(user.getRoles())) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
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
        List<Role> wanted = roles.findAllById(roleIds);
        if (wanted.size() != roleIds.size()) {
            throw new AccessRuleException("roles.error.not-found");
        }
        if (!OwnAccess.coversRoles(wanted)) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        boolean keepsAdministrator =
                enabled && wanted.stream().anyMatch(role -> role.getCode().equals(PredefinedRole.ADMINISTRATOR.code()));
        boolean wasAdministrator =
                user.getRoles().stream().anyMatch(role -> role.getCode().equals(PredefinedRole.ADMINISTRATOR.code()));
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
     */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_EDIT)
    public void resetPassword(UUID id, String newPassword) {
        AppUser user = users.findById(id).orElseThrow(() -> new AccessRuleException("users.error.not-found"));
        if (!OwnAccess.coversRoles(user.getRoles())) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        PasswordPolicy.check(newPassword, user.getEmail());
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        events.record(SecurityEventType.PASSWORD_RESET, id, null);
        sessions.endSessionsAfterCommit(id);
    }

    /**
     * The logged-in user changes its own password, proving the current one first. Every session of the
     * user, this one included, ends on its next request: the user logs in again with the new password.
     */
    @Transactional
    // Every logged-in person; background work has no password or language of its own.
    @RolesAllowed({Roles.EMPLOYEE, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL, Roles.OPERATOR})
    public void changeMyPassword(String currentPassword, String newPassword) {
        if (isOperator()) {
            String hash = operators.myPasswordHash().orElseThrow();
            checkNewPassword(
                    currentPassword,
                    newPassword,
                    hash,
                    CurrentUser.get().orElseThrow().email());
            operators.changeMyPasswordHash(passwordEncoder.encode(newPassword));
            sessions.endSessionsAfterCommit(me());
            return;
        }
        AppUser user = users.findById(me()).orElseThrow();
        checkNewPassword(currentPassword, newPassword, user.getPasswordHash(), user.getEmail());
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        if (user.getActorType().isExternal()) {
            // Row-level security keeps the security log to staff, so a portal user cannot write it
            // directly; the login path's function records the change against the user's e-mail.
            events.recordLogin(SecurityEventType.PASSWORD_CHANGED, user.getEmail(), null, null, null);
        } else {
            events.record(SecurityEventType.PASSWORD_CHANGED, user.getId(), null);
        }
        // The other sessions end at once on every node; this one on its next request, as the
        // password it logged in with is no longer the user's (CurrentAccessFilter).
        sessions.endSessionsAfterCommit(user.getId());
    }

    /** Remembers the language the logged-in user chose; used at every later login. */
    @Transactional
    // Every logged-in person; background work has no password or language of its own.
    @RolesAllowed({Roles.EMPLOYEE, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL, Roles.OPERATOR})
    public void changeMyLanguage(Locale locale) {
        String tag = Objects.requireNonNull(locale).getLanguage();
        if (isOperator()) {
            operators.changeMyLanguage(tag);
            return;
        }
        // Row-level security lets a user update only its own row; a missing row would be a bug.
        users.findById(me()).orElseThrow().chooseLocale(tag);
    }

    /** How many users of each actor type the tenant has, for the administrator's dashboard. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public Map<ActorType, Long> countUsersByActorType() {
        Map<ActorType, Long> counts = new EnumMap<>(ActorType.class);
        for (ActorTypeCount row : users.countByActorType()) {
            counts.put(row.actorType(), row.users());
        }
        return counts;
    }

    private void checkNewPassword(String currentPassword, String newPassword, String currentHash, String email) {
        if (currentHash == null) {
            // Signs in through single sign-on only: there is no password to prove. An administrator
            // may set one (resetPassword).
            throw new AccessRuleException("password.error.none-set");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, currentHash)) {
            throw new AccessRuleException("password.error.current-wrong");
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccessRuleException("password.error.same");
        }
        PasswordPolicy.check(newPassword, email);
    }

    private static boolean isOperator() {
        return CurrentUser.get().map(NexoUser::isOperator).orElse(false);
    }

    private static UUID me() {
        return CurrentUser.get()
                .map(NexoUser::userId)
                .orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    private List<Role> rolesByCode(Collection<String> codes) {
        List<Role> found = codes.stream()
                .map(code -> roles.findByCode(code).orElseThrow(() -> new AccessRuleException("roles.error.not-found")))
                .toList();
        return found;
    }

    /** A user to create; {@code partyId} is the account an external actor belongs to. */
    public record NewUser(
            String email,
            String displayName,
            ActorType actorType,
            UUID partyId,
            Set<String> roleCodes,
            String initialPassword,
            String locale) {
        public NewUser {
            roleCodes = Set.copyOf(roleCodes);
        }
    }

    /** One line of the user list. */
    public record UserRow(
            UUID id,
            String email,
            String displayName,
            ActorType actorType,
            boolean enabled,
            Instant lastLoginAt,
            List<RoleName> roles) {
        static UserRow of(AppUser user) {
            return new UserRow(
                    user.getId(),
                    user.getEmail(),
                    user.getDisplayName(),
                    user.getActorType(),
                    user.isEnabled(),
                    user.getLastLoginAt(),
                    user.getRoles().stream()
                            .map(role -> new RoleName(role.getCode(), role.getName(), role.isPredefined()))
                            .sorted(java.util.Comparator.comparing(RoleName::code))
                            .toList());
        }
    }

    /**
     * A role as a list names it. A predefined role's stored name is its code: the screen shows its
     * translated name instead.
     */
    public record RoleName(String code, String name, boolean predefined) {}

    /** A user as the administration form edits it. */
    public record UserDetails(
            UUID id,
            long version,
            String email,
            String displayName,
            ActorType actorType,
            boolean enabled,
            Instant lastLoginAt,
            Set<UUID> roleIds) {
        static UserDetails of(AppUser user) {
            return new UserDetails(
                    user.getId(),
                    user.getVersion(),
                    user.getEmail(),
                    user.getDisplayName(),
                    user.getActorType(),
                    user.isEnabled(),
                    user.getLastLoginAt(),
                    user.getRoles().stream().map(Role::getId).collect(Collectors.toSet()));
        }
    }

    public record ActorTypeCount(ActorType actorType, long users) {}
}

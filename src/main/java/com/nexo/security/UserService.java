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
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating the users of the current tenant (by an administrator, by the platform operator for a new
 * tenant, on a first single sign-on), each user's own password and language, and how many users the
 * tenant has. Changing an existing user is {@code users.UserAdministration}'s, listing them {@code
 * users.UserList}'s.
 */
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

    /** How many users of one actor type the tenant has. */
    public record ActorTypeCount(ActorType actorType, long users) {}
}

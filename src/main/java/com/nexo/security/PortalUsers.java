package com.nexo.security;

import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.operators.PlatformOperators;
import com.nexo.security.sessions.SessionService;
import com.nexo.security.users.AppUser;
import com.nexo.security.users.AppUserRepository;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal users (clients, suppliers, professionals) that belong to a party, the account they act
 * for ({@code app_user.party_id}). The accounts module counts them before it deletes an account and
 * moves them when it merges one into another; it checks its own permission for that, and this service
 * only requires staff or system work. The portal module reads whether they may log in and disables or
 * re-enables them, under the accounts permission {@link #PORTAL_ACCESS}. Joins the caller's
 * transaction, under its row-level security.
 */
@Service
public class PortalUsers {

    /**
     * Who may invite contacts to the portals and disable or re-enable their users: "accounts.portal-access",
     * declared in the accounts module's catalogue, which this module cannot name.
     */
    public static final String PORTAL_ACCESS = "accounts.portal-access";

    private final JdbcClient jdbc;
    private final AppUserRepository users;
    private final SecurityEventLog events;
    private final SessionService sessions;
    private final PlatformOperators operators;

    PortalUsers(
            JdbcClient jdbc,
            AppUserRepository users,
            SecurityEventLog events,
            SessionService sessions,
            PlatformOperators operators) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.sessions = sessions;
        this.operators = operators;
    }

    /**
     * Whether someone already logs in with this e-mail: a user of any tenant or a platform operator
     * (login names are unique across all of them, case-insensitive). A yes or no only, through the same
     * database function that user creation checks; for a portal invitation, before it is sent.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(PORTAL_ACCESS)
    public boolean loginTaken(String email) {
        return email != null && !email.isBlank() && operators.emailInUse(email.strip());
    }

    /** How many users act for this party. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public long countOfParty(UUID partyId) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE party_id = :party")
                .param("party", partyId)
                .query(Long.class)
                .single();
    }

    /** Which of these parties have users, in one query (undoing an import checks thousands of accounts). */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Set<UUID> partiesWithUsers(Collection<UUID> partyIds) {
        if (partyIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT party_id FROM app_user WHERE party_id = ANY (:parties)")
                .param("parties", partyIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** Makes every user of party {@code from} a user of party {@code to}. Returns how many moved. */
    @Transactional
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public int moveParty(UUID from, UUID to) {
        return jdbc.sql("UPDATE app_user SET party_id = :to, updated_at = now() WHERE party_id = :from")
                .param("to", to)
                .param("from", from)
                .update();
    }

    /**
     * Whether each of these portal users may log in, by id, in one query; ids of employees or of users
     * that do not exist are left out. Meant for the contacts of one account.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<UUID, Boolean> enabledOf(Collection<UUID> userIds) {
        Map<UUID, Boolean> enabled = new HashMap<>();
        if (userIds.isEmpty()) {
            return enabled;
        }
        jdbc.sql("SELECT id, enabled FROM app_user WHERE id = ANY (:ids) AND party_id IS NOT NULL")
                .param("ids", userIds.toArray(UUID[]::new))
                .query(row -> {
                    enabled.put(row.getObject("id", UUID.class), row.getBoolean("enabled"));
                });
        return enabled;
    }

    /** The portal user of this party that logs in with this e-mail, if there is one. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Optional<UUID> findOfParty(UUID partyId, String email) {
        return jdbc.sql("SELECT id FROM app_user WHERE party_id = :party AND lower(email) = lower(:email)")
                .param("party", partyId)
                .param("email", email)
                .query(UUID.class)
                .optional();
    }

    /**
     * Lets a portal user log in again, or not any more; a disabled user's sessions end at once on every
     * node. Refuses employees (their access is the user administration's): {@code
     * users.error.not-found}, as for a user that does not exist. Returns whether anything changed.
     */
    @Transactional
    @RolesAllowed(PORTAL_ACCESS)
    public boolean enable(UUID userId, boolean enable) {
        AppUser user = users.findById(userId)
                .filter(found -> found.getActorType().isExternal())
                .orElseThrow(() -> new AccessRuleException("users.error.not-found"));
        if (!user.enable(enable)) {
            return false;
        }
        users.saveAndFlush(user);
        events.record(enable ? SecurityEventType.USER_ENABLED : SecurityEventType.USER_DISABLED, userId, null);
        if (!enable) {
            sessions.endSessionsAfterCommit(userId);
        }
        return true;
    }
}

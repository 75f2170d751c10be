package com.nexo.security.events;

import com.nexo.base.Ids;
import com.nexo.security.AccessPermissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's log of security events: append-only, read by its administrators. */
@Service
public class SecurityEventLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("nexo.security.audit");

    private static final String RECORD = """
            INSERT INTO security_event (id, event_type, user_id, actor_id, details)
            VALUES (:id, :type, :user, nexo_user_id(), left(:details, 1000))
            """;

    /**
     * The login path's events go through the database's function: no tenant context exists yet, and
     * the function takes the tenant from the user with the e-mail (never from its caller).
     */
    private static final String RECORD_LOGIN = """
            SELECT nexo_record_login_event(:type, :email, :address, :agent, :details)
            """;

    private static final String PAGE = """
            SELECT e.occurred_at, e.event_type, e.email, u.display_name AS user_name,
                   a.display_name AS actor_name, e.address, e.user_agent, e.details
              FROM security_event e
              LEFT JOIN app_user u ON u.id = e.user_id
              LEFT JOIN app_user a ON a.id = e.actor_id
             WHERE (CAST(:type AS text) IS NULL OR e.event_type = :type)
             ORDER BY e.occurred_at DESC, e.id DESC
             LIMIT :limit OFFSET :offset
            """;

    private static final RowMapper<SecurityEvent> EVENT = (row, i) -> new SecurityEvent(
            row.getTimestamp("occurred_at").toInstant(),
            SecurityEventType.valueOf(row.getString("event_type")),
            row.getString("email"),
            row.getString("user_name"),
            row.getString("actor_name"),
            row.getString("address"),
            row.getString("user_agent"),
            row.getString("details"));

    private final JdbcClient jdbc;

    public SecurityEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event of the current tenant, done by the current user, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(SecurityEventType type, UUID userId, String details) {
        jdbc.sql(RECORD)
                .param("id", Ids.newId())
                .param("type", type.name())
                .param("user", userId, java.sql.Types.OTHER)
                .param("details", details, java.sql.Types.VARCHAR)
                .update();
    }

    /**
     * Records an event of the login path, before any tenant context exists; the database attaches it
     * to the tenant of the user with that e-mail, if there is one. Outside a context the database
     * accepts login outcomes only; in a portal actor's context, only the change of its own password.
     */
    public void recordLogin(SecurityEventType type, String email, String address, String userAgent, String details) {
        AUDIT.info("{} email={} address={} {}", type, email, address, details == null ? "" : details);
        jdbc.sql(RECORD_LOGIN)
                .param("type", type.name())
                .param("email", email == null ? "" : email.strip())
                .param("address", address, java.sql.Types.VARCHAR)
                .param("agent", userAgent, java.sql.Types.VARCHAR)
                .param("details", details, java.sql.Types.VARCHAR)
                .query()
                .listOfRows();
    }

    /** A page of the tenant's events, newest first, optionally of one type only. */
    @Transactional(readOnly = true)
    // Still @PreAuthorize: MethodSecurityTest finds the permission's checks there; the move of the
    // security module to @RolesAllowed is another change's (issue of the house style).
    @PreAuthorize("hasRole('" + AccessPermissions.SECURITY_EVENTS_READ + "')")
    public List<SecurityEvent> page(int offset, int limit, SecurityEventType onlyType) {
        return jdbc.sql(PAGE)
                .param("type", onlyType == null ? null : onlyType.name(), java.sql.Types.VARCHAR)
                .param("limit", limit)
                .param("offset", offset)
                .query(EVENT)
                .list();
    }

    /** One line of the security event list. */
    public record SecurityEvent(
            Instant occurredAt,
            SecurityEventType type,
            String email,
            String userName,
            String actorName,
            String address,
            String userAgent,
            String details) {}
}

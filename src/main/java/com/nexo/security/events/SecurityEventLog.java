package com.nexo.security.events;

import com.nexo.base.Ids;
import com.nexo.security.AccessPermissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's log of security events: append-only, read by its administrators. */
@Service
public class SecurityEventLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("nexo.security.audit");

    private final JdbcTemplate jdbc;

    public SecurityEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event of the current tenant, done by the current user, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(SecurityEventType type, UUID userId, String details) {
        jdbc.update(
                "INSERT INTO security_event (id, event_type, user_id, actor_id, details)"
                        + " VALUES (?, ?, ?, nexo_user_id(), left(?, 1000))",
                Ids.newId(),
                type.name(),
                userId,
                details);
    }

    /**
     * Records an event of the login path, before any tenant context exists; the database attaches it
     * to the tenant of the user with that e-mail, if there is one.
     */
    public void recordLogin(SecurityEventType type, String email, String address, String userAgent, String details) {
        AUDIT.info("{} email={} address={} {}", type, email, address, details == null ? "" : details);
        jdbc.queryForList(
                "SELECT nexo_record_login_event(?, ?, ?, ?, ?)",
                type.name(),
                email == null ? "" : email.strip(),
                address,
                userAgent,
                details);
    }

    /** A page of the tenant's events, newest first, optionally of one type only. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + AccessPermissions.SECURITY_EVENTS_READ + "')")
    public List<SecurityEvent> page(int offset, int limit, SecurityEventType onlyType) {
        String filter = onlyType == null ? "" : " WHERE event_type = ?";
        Object[] args = onlyType == null ? new Object[] {limit, offset} : new Object[] {onlyType.name(), limit, offset};
        return jdbc.query(
                "SELECT e.occurred_at, e.event_type, e.email, u.display_name AS user_name,"
                        + " a.display_name AS actor_name, e.address, e.user_agent, e.details"
                        + " FROM security_event e"
                        + " LEFT JOIN app_user u ON u.id = e.user_id"
                        + " LEFT JOIN app_user a ON a.id = e.actor_id"
                        + filter
                        + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT ? OFFSET ?",
                (row, i) -> new SecurityEvent(
                        row.getTimestamp("occurred_at").toInstant(),
                        SecurityEventType.valueOf(row.getString("event_type")),
                        row.getString("email"),
                        row.getString("user_name"),
                        row.getString("actor_name"),
                        row.getString("address"),
                        row.getString("user_agent"),
                        row.getString("details")),
                args);
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

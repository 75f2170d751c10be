package com.nexo.security.events;

import com.nexo.base.Ids;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

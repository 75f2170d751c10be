package com.nexo.security.events;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.security.AccessPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's security log as its administrators read it: pages by time (newest first unless asked
 * otherwise), optionally of one event type, and how many events match (exact up to {@link
 * #EXACT_COUNT_LIMIT}, estimated above). Writing the log is {@link SecurityEventLog}'s.
 */
@Service
public class SecurityEventList {

    /** Up to this many events the list says exactly how many match; above, the planner's estimate. */
    public static final long EXACT_COUNT_LIMIT = 1000;

    /** The orders the log offers. */
    public enum EventSort {
        TIME
    }

    /** What the list shows: the events of {@code type} (null: every type), in {@code sort}. */
    public record EventQuery(SecurityEventType type, Sort<EventSort> sort) implements Serializable {

        public EventQuery {
            sort = sort == null ? Sort.descending(EventSort.TIME) : sort;
        }
    }

    /** One line of the security event list. */
    public record SecurityEvent(
            UUID id,
            Instant occurredAt,
            SecurityEventType type,
            String email,
            String userName,
            String actorName,
            String address,
            String userAgent,
            String details) {}

    private static final RowMapper<SecurityEvent> ROW = (row, i) -> new SecurityEvent(
            row.getObject("id", UUID.class),
            row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            SecurityEventType.valueOf(row.getString("event_type")),
            row.getString("email"),
            row.getString("user_name"),
            row.getString("actor_name"),
            row.getString("address"),
            row.getString("user_agent"),
            row.getString("details"));

    private final JdbcClient jdbc;

    SecurityEventList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events of the query after {@code after} (null: the first page). */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.SECURITY_EVENTS_READ)
    public Page<SecurityEvent> page(EventQuery query, PageCursor after, int limit) {
        return select(query).page(jdbc, order(query.sort()), after, limit, ROW);
    }

    /** How many events the query matches: exact up to {@link #EXACT_COUNT_LIMIT}, estimated above. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.SECURITY_EVENTS_READ)
    public CountEstimate count(EventQuery query) {
        // Counted without the names: they do not change how many events match.
        ListQuery count = ListQuery.select("e.id").from("security_event e");
        if (query.type() != null) {
            count.where("e.event_type = :type", "type", query.type().name());
        }
        return count.count(jdbc, EXACT_COUNT_LIMIT);
    }

    private static ListQuery select(EventQuery query) {
        ListQuery select = ListQuery.select("e.id, e.occurred_at, e.event_type, e.email, u.display_name AS user_name,"
                        + " a.display_name AS actor_name, e.address, e.user_agent, e.details")
                .from("security_event e"
                        + " LEFT JOIN app_user u ON u.id = e.user_id"
                        + " LEFT JOIN app_user a ON a.id = e.actor_id");
        if (query.type() != null) {
            select.where("e.event_type = :type", "type", query.type().name());
        }
        return select;
    }

    private static ListOrder order(Sort<EventSort> sort) {
        return switch (sort.by()) {
            case TIME -> ListOrder.keyset("e.occurred_at", "timestamptz", "e.id", sort.descending());
        };
    }
}

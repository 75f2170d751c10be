package com.nexo.cms.content;

import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes scheduled items whose publish-at has come and expires published ones whose expire-at has
 * passed ({@link PublicationRules}), for the current tenant, in one statement; one revision per item
 * it changed, and the event readers' caches listen to. {@link PublicationTicker} runs it for every
 * tenant with items due.
 */
@Service
public class PublicationSchedule {

    /**
     * The rules of {@link PublicationRules#due}, set-based: the CASE reads the row as it was, so a
     * scheduled item whose expiry has passed too goes straight to expired.
     */
    private static final String APPLY = """
            UPDATE cms_item
               SET status = CASE WHEN expire_at IS NOT NULL AND expire_at <= :now THEN 'EXPIRED' ELSE 'PUBLISHED' END,
                   published_at = CASE WHEN status = 'SCHEDULED' THEN publish_at ELSE published_at END,
                   revision = revision + 1, version = version + 1, updated_at = now()
             WHERE (status = 'SCHEDULED' AND publish_at <= :now)
                OR (status = 'PUBLISHED' AND expire_at <= :now)
            RETURNING tenant_id, id, slug
            """;

    private final JdbcClient jdbc;
    private final ItemStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicationSchedule(JdbcClient jdbc, ItemStore store, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Applies what is due in the current tenant now; returns the items it changed. */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public List<UUID> applyDue() {
        List<ContentChanged> changed = jdbc.sql(APPLY)
                .param("now", ContentService.at(clock.instant()))
                .query((rs, n) -> new ContentChanged(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        null))
                .list();
        List<UUID> ids = changed.stream().map(ContentChanged::itemId).toList();
        store.recordRevisions(ids, List.of("status"), "schedule");
        changed.forEach(events::publishEvent);
        return ids;
    }
}

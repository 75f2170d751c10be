package com.nexo.cms.content;

import com.nexo.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the publication schedule: asks which tenants have items due (before any tenant context exists,
 * through the definer function {@code nexo_cms_due_tenants}), then applies it in each as system work.
 */
@Component
class PublicationTicker {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationTicker.class);

    private final JdbcClient jdbc;
    private final PublicationSchedule schedule;

    PublicationTicker(JdbcClient jdbc, PublicationSchedule schedule) {
        this.jdbc = jdbc;
        this.schedule = schedule;
    }

    @Scheduled(fixedDelayString = "${nexo.cms.schedule-delay:60s}")
    void tick() {
        List<UUID> tenants = jdbc.sql("SELECT * FROM nexo_cms_due_tenants()")
                .query(UUID.class)
                .list();
        for (UUID tenant : tenants) {
            try {
                TenantContext.callAsSystem(tenant, null, schedule::applyDue);
            } catch (RuntimeException failed) {
                // One tenant's failure must not keep the others' items from being published.
                LOG.warn("CMS schedule failed for tenant {}", tenant, failed);
            }
        }
    }
}

package com.nexo.crm.reminders;

import com.nexo.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the activity reminders every minute: asks which activities of any tenant have a reminder due
 * (before any tenant context exists, through the definer function {@code nexo_crm_due_reminders},
 * ids only), then sends each tenant's as that tenant's system work ({@link ReminderService}).
 */
@Component
public class ReminderTicker {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderTicker.class);

    /** How many due reminders one run takes at most; the next run takes the rest. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ReminderService reminders;

    ReminderTicker(JdbcClient jdbc, ReminderService reminders) {
        this.jdbc = jdbc;
        this.reminders = reminders;
    }

    @Scheduled(
            fixedDelayString = "${nexo.crm.reminder-delay:60s}",
            initialDelayString = "${nexo.crm.reminder-initial-delay:60s}")
    void tick() {
        sendDue();
    }

    /** Sends every due reminder (up to a batch); returns how many notifications went out. */
    public int sendDue() {
        Map<UUID, List<UUID>> byTenant = new LinkedHashMap<>();
        jdbc.sql("SELECT tenant_id, activity_id FROM nexo_crm_due_reminders(:limit)")
                .param("limit", BATCH)
                .query((RowCallbackHandler) row -> byTenant.computeIfAbsent(
                                row.getObject("tenant_id", UUID.class), tenant -> new ArrayList<>())
                        .add(row.getObject("activity_id", UUID.class)));
        int sent = 0;
        for (Map.Entry<UUID, List<UUID>> tenant : byTenant.entrySet()) {
            try {
                sent += TenantContext.callAsSystem(tenant.getKey(), null, () -> reminders.send(tenant.getValue()));
            } catch (RuntimeException failed) {
                // One tenant's failure must not keep the others' reminders back.
                LOG.warn("CRM reminders failed for tenant {}", tenant.getKey(), failed);
            }
        }
        return sent;
    }
}

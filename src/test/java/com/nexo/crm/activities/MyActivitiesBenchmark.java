package com.nexo.crm.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.Page;
import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "My activities" over a million activities (issue 17: p95 under 50 ms), not part of the normal build:
 * 1,000,000 activities are written set-based in the demo tenant (one in fifty assigned to one fresh
 * salesperson, the rest spread over the tenant's employees; due within half a year either side of
 * today, one in three done), then, as that salesperson through the service and beside the same SQL on
 * a connection of the application role bound as the salesperson, p50 / p95 of each group's first page
 * (overdue, today, upcoming) and of a page deep in "upcoming".
 *
 * <pre>./mvnw -B test -Dtest=MyActivitiesBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Size: -Dnexo.benchmark.activities (1000000).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class MyActivitiesBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    private static final int BATCH = 200_000;

    private static final String GENERATE = """
            INSERT INTO crm_activity (id, kind, subject, account_id, due_at, assignee_id, done, done_at, created_at)
            SELECT gen_random_uuid(), (ARRAY['CALL', 'MEETING', 'TASK', 'NOTE'])[1 + g % 4], 'Actividad ' || g, :account,
                   date_trunc('day', now()) + ((g::bigint * 7919) % 361 - 180) * interval '1 day' + (g % 20) * interval '30 minutes',
                   CASE WHEN g % 50 = 0 THEN :me ELSE (CAST(:others AS uuid[]))[1 + g % :count] END,
                   g % 3 = 0, CASE WHEN g % 3 = 0 THEN now() END, now() - (g % 100000) * interval '1 minute'
              FROM generate_series(:from, :to) g
            """;

    /** The service's statement for a group's page (see ActivityService.mine), as the user's role runs it. */
    private static final String GROUP = """
            SELECT a.id, a.kind, a.subject, a.due_at, a.assignee_id, o.title, l.person_name
              FROM crm_activity a
              LEFT JOIN crm_lead l ON l.tenant_id = a.tenant_id AND l.id = a.lead_id
              LEFT JOIN crm_opportunity o ON o.tenant_id = a.tenant_id AND o.id = a.opportunity_id
             WHERE a.assignee_id = nexo_user_id() AND NOT a.done AND a.due_at >= :from AND a.due_at < :to
             ORDER BY a.due_at, a.id
             LIMIT 21
            """;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ActivityService activities;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private Flyway flyway;

    @Test
    void measure() throws Exception {
        int size = Integer.getInteger("nexo.benchmark.activities", 1_000_000);
        CrmActivityFixtures fx = new CrmActivityFixtures(context);
        String seller = fx.salesperson("Bench");
        UUID me = fx.userId(seller);
        UUID account = fx.account("Cuenta benchmark");
        long started = System.nanoTime();
        TenantContext.callAsSystem(DEMO_TENANT, null, () -> {
            UUID[] others = new TransactionTemplate(transactionManager)
                    .execute(status -> jdbc.sql(
                                    "SELECT id FROM app_user WHERE actor_type = 'employee' AND id <> :me ORDER BY id")
                            .param("me", me)
                            .query(UUID.class)
                            .list()
                            .toArray(UUID[]::new));
            for (int from = 1; from <= size; from += BATCH) {
                int to = Math.min(size, from + BATCH - 1);
                int first = from;
                new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> jdbc.sql(GENERATE)
                                .param("account", account)
                                .param("me", me)
                                .param("others", others)
                                .param("count", others.length)
                                .param("from", first)
                                .param("to", to)
                                .update());
            }
            return null;
        });
        VolumeBenchmark.analyze(flyway, "crm_activity");
        System.out.printf(
                Locale.ROOT,
                "%nGenerated %d activities in %.1f s (%d assigned to the measured user)%n",
                size,
                (System.nanoTime() - started) / 1e9,
                size / 50);

        VolumeBenchmark benchmark = new VolumeBenchmark(users, seller);
        LocalDate today = LocalDate.now(ZONE);
        Instant startOfToday = today.atStartOfDay(ZONE).toInstant();
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant farPast = Instant.parse("1900-01-01T00:00:00Z");
        Instant farFuture = Instant.parse("2999-01-01T00:00:00Z");
        try (Connection connection = TestDatabase.asApplicationRole()) {
            connection.setAutoCommit(false);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            benchmark.bind(connection, DEMO_TENANT);
            long mine = sql.sql("SELECT count(*) FROM crm_activity WHERE assignee_id = nexo_user_id() AND NOT done")
                    .query(Long.class)
                    .single();
            System.out.printf(Locale.ROOT, "Open activities of the measured user: %d%n", mine);
            VolumeBenchmark.printPlanAndHeader(
                    "My activities, today (as the user's role)",
                    sql,
                    GROUP,
                    Map.of("from", at(startOfToday), "to", at(startOfTomorrow)));
            report(benchmark, sql, ActivityGroup.OVERDUE, farPast, startOfToday);
            report(benchmark, sql, ActivityGroup.TODAY, startOfToday, startOfTomorrow);
            report(benchmark, sql, ActivityGroup.UPCOMING, startOfTomorrow, farFuture);
            Page<ActivityRow> deep = benchmark.asUser(() -> {
                Page<ActivityRow> page = activities.mine(ActivityGroup.UPCOMING, ZONE, null, 200);
                for (int i = 0; i < 10 && page.next() != null; i++) {
                    page = activities.mine(ActivityGroup.UPCOMING, ZONE, page.next(), 200);
                }
                return page;
            });
            assertThat(deep.next()).isNotNull();
            benchmark.reportService(
                    "my activities, upcoming, a page 2,000 rows deep (keyset)",
                    () -> activities.mine(ActivityGroup.UPCOMING, ZONE, deep.next(), 20));
            connection.rollback();
        }
    }

    private void report(VolumeBenchmark benchmark, JdbcClient sql, ActivityGroup group, Instant from, Instant to) {
        benchmark.report(
                "my activities, " + group.name().toLowerCase(Locale.ROOT) + ", first page (20)",
                () -> activities.mine(group, ZONE, null, 20),
                () -> sql.sql(GROUP)
                        .param("from", at(from))
                        .param("to", at(to))
                        .query()
                        .listOfRows());
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package com.nexo.production.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant's workshop as the start-up seeding made it (demo data is on in tests): the
 * production user with its role, work centres and workers (the professional at her rate), active
 * bills three levels deep with scrap and services, standard costs from the roll-up, and the demo
 * production user's orders in their states with what was recorded on them; a second run adds
 * nothing and the second tenant gets no workshop. Counts are of the demo's own rows (by code or by
 * the production user), so that rows other tests make in the tenant do not change them.
 */
@NexoSpringTest
class DemoProductionTest {

    /** The orders the demo production user made. */
    private static final String MINE = """
            (SELECT * FROM production_order
              WHERE created_by = (SELECT id FROM app_user WHERE email = 'produccion@demo.nexo')) o
            """;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DemoProduction demoProduction;

    @Test
    void the_demo_production_user_exists_with_the_production_role() {
        List<String> roles = inDemo(() -> jdbc.sql("""
                        SELECT r.code FROM app_user u JOIN user_role ur ON ur.user_id = u.id
                          JOIN role r ON r.id = ur.role_id
                         WHERE u.email = :email
                        """)
                .param("email", DemoProduction.PRODUCTION_USER)
                .query(String.class)
                .list());
        assertThat(roles).containsExactly("production");
    }

    @Test
    void the_workshop_has_its_centres_and_workers_with_the_professional_as_painter() {
        List<String> centres = inDemo(() -> jdbc.sql("""
                        SELECT code FROM production_work_centre
                         WHERE code IN ('CORTE', 'SOLDADURA', 'MONTAJE', 'PINTURA') ORDER BY code
                        """).query(String.class).list());
        assertThat(centres).containsExactly("CORTE", "MONTAJE", "PINTURA", "SOLDADURA");

        Map<String, Object> painter = inDemo(() -> jdbc.sql("""
                        SELECT w.kind, w.hourly_rate, c.code AS centre
                          FROM production_worker w JOIN production_work_centre c ON c.id = w.work_centre_id
                         WHERE w.professional_id = :professional
                        """)
                .param("professional", DemoTenant.PROFESSIONAL_PARTY)
                .query()
                .singleRow());
        assertThat(painter).containsEntry("kind", "PROFESSIONAL").containsEntry("centre", "PINTURA");
        assertThat((BigDecimal) painter.get("hourly_rate")).isEqualByComparingTo("32");

        long employees = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM production_worker w JOIN app_user u ON u.id = w.user_id
                         WHERE w.kind = 'EMPLOYEE' AND u.email IN ('produccion@demo.nexo', 'admin@demo.nexo')
                        """).query(Long.class).single());
        assertThat(employees).isEqualTo(2);
    }

    @Test
    void bills_are_active_three_levels_deep_with_scrap_and_services_and_costed() {
        Map<String, Long> lines =
                inDemo(() -> jdbc.sql("""
                        SELECT a.code, count(l.id)
                          FROM production_bom b JOIN article a ON a.id = b.article_id
                          JOIN production_bom_line l ON l.bom_id = b.id
                         WHERE a.code LIKE 'FAB-%' AND b.status = 'ACTIVE'
                         GROUP BY a.code
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(lines)
                .containsEntry(DemoProduction.LEG, 2L)
                .containsEntry(DemoProduction.FRAME, 4L)
                .containsEntry(DemoProduction.SHELF, 3L)
                .containsEntry(DemoProduction.SHELVING, 5L)
                .containsEntry(DemoProduction.WORKBENCH, 7L);

        Map<String, Object> kinds = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE l.scrap_percent > 0) AS with_scrap,
                               count(*) FILTER (WHERE l.line_kind = 'SERVICE' AND w.kind = 'PROFESSIONAL') AS painted,
                               count(*) FILTER (WHERE l.line_kind = 'SERVICE' AND w.kind = 'EMPLOYEE') AS welded
                          FROM production_bom_line l JOIN production_bom b ON b.id = l.bom_id
                          JOIN article a ON a.id = b.article_id
                          LEFT JOIN production_worker w ON w.id = l.worker_id
                         WHERE a.code LIKE 'FAB-%'
                        """).query().singleRow());
        assertThat((Long) kinds.get("with_scrap")).isGreaterThanOrEqualTo(5);
        assertThat(kinds).containsEntry("painted", 2L).containsEntry("welded", 2L);

        Map<String, BigDecimal> costs = inDemo(() ->
                jdbc.sql("""
                        SELECT a.code, s.unit_cost, s.level
                          FROM production_standard_cost s JOIN article a ON a.id = s.article_id
                         WHERE a.code LIKE 'FAB-%'
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(costs)
                .containsOnlyKeys(
                        DemoProduction.LEG,
                        DemoProduction.FRAME,
                        DemoProduction.SHELF,
                        DemoProduction.SHELVING,
                        DemoProduction.WORKBENCH);
        // A leg: 0.90 m of tube at 2.80 with 5 % scrap (2.652632) and 0.40 kg of sheet at 1.20 (0.48).
        assertThat(costs.get(DemoProduction.LEG)).isEqualByComparingTo("3.132632");
        assertThat(costs.get(DemoProduction.FRAME))
                .isGreaterThan(costs.get(DemoProduction.LEG).multiply(BigDecimal.valueOf(4)));
        assertThat(costs.get(DemoProduction.SHELVING))
                .isGreaterThan(costs.get(DemoProduction.FRAME)
                        .add(costs.get(DemoProduction.SHELF).multiply(BigDecimal.valueOf(4))));
    }

    @Test
    void orders_are_in_the_states_of_a_workshops_work_with_what_was_recorded_on_them() {
        Map<String, Set<String>> states = inDemo(() -> jdbc
                .sql("SELECT a.code, o.status FROM " + MINE
                        + " JOIN article a ON a.id = o.article_id WHERE o.parent_id IS NULL")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet()))));
        assertThat(states)
                .containsEntry(DemoProduction.LEG, Set.of("CLOSED"))
                .containsEntry(DemoProduction.SHELF, Set.of("IN_PROGRESS"));
        // The professional's painting jobs put a shelving unit and a workbench order in progress.
        assertThat(states.get(DemoProduction.SHELVING)).containsExactlyInAnyOrder("RELEASED", "IN_PROGRESS");
        assertThat(states.get(DemoProduction.WORKBENCH)).containsExactlyInAnyOrder("DRAFT", "IN_PROGRESS");

        long children = inDemo(() ->
                jdbc.sql("SELECT count(*) FROM " + MINE + """
                         JOIN production_order p ON p.id = o.parent_id
                         JOIN article a ON a.id = p.article_id
                        WHERE a.code = 'FAB-ESTANTERIA'
                        """).query(Long.class).single());
        assertThat(children).isPositive();

        Map<String, Object> shelves =
                inDemo(() -> jdbc.sql("""
                        SELECT o.produced_quantity, o.scrapped_quantity, o.number,
                               (SELECT count(*) FROM production_order_entry e
                                 WHERE e.order_id = o.id AND e.kind = 'CONSUMPTION') AS consumptions,
                               (SELECT count(*) FROM production_order_entry e
                                 WHERE e.order_id = o.id AND e.kind = 'OUTPUT') AS outputs,
                               (SELECT count(*) FROM production_order_entry e
                                 WHERE e.order_id = o.id AND e.kind = 'SCRAP') AS scraps,
                               (SELECT coalesce(sum(t.hours), 0) FROM production_time_entry t
                                 WHERE t.order_id = o.id) AS hours,
                               o.actual_material_cost, o.actual_service_cost
                          FROM """ + MINE + """
                          JOIN article a ON a.id = o.article_id
                         WHERE a.code = 'FAB-BALDA' AND o.parent_id IS NULL
                        """).query().singleRow());
        assertThat((BigDecimal) shelves.get("produced_quantity")).isEqualByComparingTo("12");
        assertThat((BigDecimal) shelves.get("scrapped_quantity")).isEqualByComparingTo("1");
        assertThat((String) shelves.get("number")).isNotBlank();
        assertThat((Long) shelves.get("consumptions")).isPositive();
        assertThat(shelves).containsEntry("outputs", 1L).containsEntry("scraps", 1L);
        assertThat((BigDecimal) shelves.get("hours")).isEqualByComparingTo("2.50");
        assertThat((BigDecimal) shelves.get("actual_material_cost")).isPositive();
        assertThat((BigDecimal) shelves.get("actual_service_cost")).isEqualByComparingTo("55.00");

        long moved = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM stock_movement m JOIN """ + MINE + """
                            ON m.source_ref = o.number
                         WHERE m.source_type = 'production-order'
                        """).query(Long.class).single());
        assertThat(moved).isGreaterThanOrEqualTo(4);
    }

    @Test
    void some_inputs_fall_short_of_what_open_orders_need() {
        long short_ = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT m.article_id
                              FROM production_order_material m JOIN """ + MINE + """
                                ON o.id = m.order_id
                             WHERE o.status IN ('RELEASED', 'IN_PROGRESS')
                             GROUP BY m.article_id
                            HAVING sum(m.required_quantity - m.consumed_quantity - m.reserved_quantity) > 0) s
                        """).query(Long.class).single());
        assertThat(short_).isPositive();
    }

    @Test
    void seeding_again_adds_nothing_and_the_second_tenant_gets_no_workshop() {
        String count = """
                SELECT (SELECT count(*) FROM production_work_centre) || ' ' || (SELECT count(*) FROM production_bom)
                       || ' ' || (SELECT count(*) FROM production_order) || ' ' || (SELECT count(*) FROM stock_movement)
                """;
        String before = inDemo(() -> jdbc.sql(count).query(String.class).single());
        TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, () -> {
            demoProduction.seed(DemoTenant.DEMO);
            return null;
        });
        TenantContext.callAsSystem(DemoTenant.NORTHWIND.id(), null, () -> {
            demoProduction.seed(DemoTenant.NORTHWIND);
            return null;
        });
        assertThat(inDemo(() -> jdbc.sql(count).query(String.class).single())).isEqualTo(before);
        Long inNorthwind = TenantContext.callAsSystem(
                DemoTenant.NORTHWIND.id(),
                null,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> jdbc.sql("SELECT count(*) FROM production_work_centre")
                                .query(Long.class)
                                .single()));
        assertThat(inNorthwind).isZero();
    }

    private <T> T inDemo(Supplier<T> query) {
        return TenantContext.callAsSystem(
                DemoTenant.DEMO.id(),
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> query.get()));
    }

    @Test
    void the_demo_professional_has_jobs_waiting_accepted_with_hours_and_done() {
        Map<String, BigDecimal> hoursByState = inDemo(() -> jdbc
                .sql("SELECT t.status, sum(t.actual_hours) AS hours"
                        + " FROM production_order_task t JOIN " + MINE + " ON o.id = t.order_id"
                        + " WHERE t.professional_id IS NOT NULL GROUP BY t.status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(hoursByState).containsOnlyKeys("OPEN", "IN_PROGRESS", "DONE");
        assertThat(hoursByState.get("OPEN")).isEqualByComparingTo("0");
        assertThat(hoursByState.get("IN_PROGRESS")).isEqualByComparingTo("5.50");
        assertThat(hoursByState.get("DONE")).isEqualByComparingTo("4.00");
        long records = inDemo(() -> jdbc.sql("SELECT count(*) FROM production_time_entry e JOIN " + MINE
                        + " ON o.id = e.order_id WHERE e.professional_id IS NOT NULL AND e.hours IS NOT NULL")
                .query(Long.class)
                .single());
        assertThat(records).isEqualTo(3);
    }
}

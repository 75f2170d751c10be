package com.nexo.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo tenants' CRM, as the start-up seeded it (other tests add rows of their own beside it). */
@NexoSpringTest
class DemoCrmTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DemoCrm demo;

    @Test
    void the_demo_tenant_has_two_pipelines_with_stages_lost_reasons_and_a_team_of_its_salespeople() {
        inDemo(() -> {
            assertThat(texts("""
                            SELECT p.name || ':' || string_agg(s.name || '=' || s.probability, ',' ORDER BY s.position)
                              FROM crm_pipeline p JOIN crm_stage s ON s.pipeline_id = p.id
                             WHERE p.name IN ('Ventas', 'Proyectos a medida') GROUP BY p.name ORDER BY p.name"""))
                    .containsExactly(
                            "Proyectos a medida:Visita técnica=15,Diseño=35,Presupuesto=60,Aprobación=85",
                            "Ventas:Nuevo contacto=10,Cualificada=25,Propuesta enviada=50,Negociación=70,Cierre verbal=90");
            assertThat(number("SELECT count(*) FROM crm_lost_reason")).isGreaterThanOrEqualTo(5);
            assertThat(number("""
                            SELECT count(*) FROM crm_team_member m JOIN crm_team t ON t.id = m.team_id
                             WHERE t.name = 'Equipo comercial'""")).isEqualTo(4);
            return null;
        });
    }

    @Test
    void the_demo_tenant_has_open_won_and_lost_opportunities_over_owners_and_close_months() {
        inDemo(() -> {
            // The seeder's own rows: other tests of the run add opportunities to the demo's default
            // pipeline too (a lead's conversion), which this count must not see.
            String demoPipelines = " FROM crm_opportunity o JOIN crm_pipeline p ON p.id = o.pipeline_id"
                    + " WHERE p.name IN ('Ventas', 'Proyectos a medida') AND o.lead_id IS NULL"
                    + " AND o.title = ANY(:deals)";
            assertThat(seeded("SELECT count(*)" + demoPipelines)).isEqualTo(DemoCrm.OPPORTUNITIES);
            assertThat(seeded("SELECT count(*)" + demoPipelines + " AND o.status = 'WON'"))
                    .isEqualTo(12);
            assertThat(seeded("SELECT count(*)" + demoPipelines + " AND o.status = 'LOST'"))
                    .isEqualTo(6);
            assertThat(seeded("SELECT count(DISTINCT o.owner_id)" + demoPipelines))
                    .isEqualTo(4);
            assertThat(seeded("SELECT count(*)" + demoPipelines + " AND o.owner_id IS NULL"))
                    .isPositive();
            assertThat(seeded("SELECT count(DISTINCT date_trunc('month', o.expected_close))" + demoPipelines
                            + " AND o.status = 'OPEN'"))
                    .isGreaterThanOrEqualTo(6);
            assertThat(seeded("SELECT count(DISTINCT o.stage_id)" + demoPipelines))
                    .isEqualTo(9);
            return null;
        });
    }

    @Test
    void the_demo_tenant_has_leads_of_every_source_activities_for_every_moment_and_targets() {
        inDemo(() -> {
            assertThat(number("SELECT count(DISTINCT source) FROM crm_lead WHERE email LIKE '%@example.com'"))
                    .isEqualTo(7);
            assertThat(number("SELECT count(*) FROM crm_lead WHERE email LIKE '%@example.com'"))
                    .isGreaterThanOrEqualTo(DemoCrm.LEADS);
            assertThat(number("SELECT count(*) FROM crm_activity WHERE NOT done AND due_at < date_trunc('day', now())"))
                    .isPositive();
            assertThat(number("""
                            SELECT count(*) FROM crm_activity
                             WHERE NOT done AND due_at >= date_trunc('day', now())
                               AND due_at < date_trunc('day', now()) + interval '1 day'""")).isPositive();
            assertThat(number("SELECT count(*) FROM crm_activity WHERE NOT done AND due_at > now() + interval '1 day'"))
                    .isPositive();
            assertThat(number("SELECT count(*) FROM crm_activity WHERE done")).isPositive();
            assertThat(number("SELECT count(*) FROM crm_activity")).isGreaterThanOrEqualTo(DemoCrm.ACTIVITIES);
            // An activity on an opportunity carries the opportunity's account.
            assertThat(number("""
                            SELECT count(*) FROM crm_activity a JOIN crm_opportunity o ON o.id = a.opportunity_id
                             WHERE a.account_id IS DISTINCT FROM o.account_id""")).isZero();
            assertThat(number("""
                            SELECT count(*) FROM crm_sales_target
                             WHERE owner_id IS NULL AND team_id IS NULL
                               AND month >= date_trunc('year', current_date)
                               AND month < date_trunc('year', current_date) + interval '1 year'""")).isEqualTo(12);
            return null;
        });
    }

    @Test
    void seeding_again_leaves_the_demo_alone_and_the_second_tenant_has_its_own_in_english() {
        long before = inDemo(() -> number("SELECT count(*) FROM crm_opportunity"));
        TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, () -> {
            demo.seed(DemoTenant.DEMO);
            return null;
        });
        assertThat(inDemo(() -> number("SELECT count(*) FROM crm_opportunity"))).isEqualTo(before);

        long northwind = TenantContext.callAsSystem(
                DemoTenant.NORTHWIND.id(),
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> number("""
                        SELECT count(*) FROM crm_opportunity o JOIN crm_pipeline p ON p.id = o.pipeline_id
                         WHERE p.name IN ('Sales', 'Key accounts')""")));
        assertThat(northwind).isEqualTo(DemoCrm.OPPORTUNITIES);
    }

    /** {@link #number} of a statement over the demo's opportunities, named by their titles ({@code :deals}). */
    private long seeded(String sql) {
        return jdbc.sql(sql)
                .param("deals", DemoCrmTexts.SPANISH.deals().toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private long number(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> texts(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    private <T> T inDemo(Supplier<T> work) {
        return TenantContext.callAsSystem(
                DemoTenant.DEMO.id(), null, () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
    }
}

package com.nexo.crm.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.crm.forecast.ForecastFixtures;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@NexoSpringTest
class CrmVolumeGeneratorTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void it_makes_the_opportunities_and_activities_asked_for_in_one_tenant_only() {
        ForecastFixtures f = new ForecastFixtures(context);
        CrmVolumeGenerator.Generated generated = f.inTenant(
                () -> new CrmVolumeGenerator(f.jdbc()).generate(List.of(f.own.id(), f.teamMate.id()), 2_000, 5_000));

        assertThat(generated.opportunities()).isEqualTo(2_000);
        assertThat(generated.activities()).isEqualTo(5_000);
        assertThat(generated.stageIds()).hasSize(6);
        f.inTenant(() -> {
            assertThat(count("SELECT count(*) FROM crm_opportunity WHERE pipeline_id = ?", generated))
                    .isEqualTo(2_000);
            assertThat(count(
                            "SELECT count(*) FROM crm_opportunity WHERE pipeline_id = ? AND status = 'OPEN'",
                            generated))
                    .isEqualTo(1_600);
            assertThat(count("""
                            SELECT count(*) FROM crm_activity a JOIN crm_opportunity o ON o.id = a.opportunity_id
                             WHERE o.pipeline_id = ? AND a.account_id = o.account_id""", generated)).isEqualTo(5_000);
            return null;
        });
        // Nothing of it shows in another tenant.
        ForecastFixtures other = new ForecastFixtures(context);
        assertThat(other.inTenant(() -> count("SELECT count(*) FROM crm_opportunity WHERE pipeline_id = ?", generated)))
                .isZero();
    }

    private long count(String sql, CrmVolumeGenerator.Generated generated) {
        return jdbc.sql(sql).param(generated.pipelineId()).query(Long.class).single();
    }
}

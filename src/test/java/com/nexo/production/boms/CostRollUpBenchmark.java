package com.nexo.production.boms;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-up's target: 10,000 bills in under 10 s. Loads {@code nexo.benchmark.bills} (10,000)
 * active bills in the demo tenant in chains of ten levels (each bill: three inputs, a service hour
 * and the sub-assembly one level down), then times {@link CostRollUp#rollUpAll()}. Runs only with
 * {@code -Dnexo.benchmark=true}.
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class CostRollUpBenchmark {

    @Autowired
    private CostRollUp rollUp;

    @Autowired
    private Flyway flyway;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private UserDetailsService users;

    @Test
    void tenThousandBillsRollUpInUnderTenSeconds() {
        int bills = Integer.getInteger("nexo.benchmark.bills", 10_000);
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        LoggedIn.asUser(users, BomFixtures.ADMIN, () -> {
            new TransactionTemplate(transactions).executeWithoutResult(status -> load(bills, tag));
            return null;
        });
        // Fresh planner statistics after the load, as a tenant's would be after autovacuum's analyze.
        VolumeBenchmark.analyze(
                flyway, "production_bom, production_bom_line, production_standard_cost, production_worker, article");
        long started = System.nanoTime();
        int written = LoggedIn.asUser(users, BomFixtures.ADMIN, rollUp::rollUpAll);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCHMARK roll-up of %d bills: %d written in %d ms%n", bills, written, millis);
        assertThat(written).isGreaterThanOrEqualTo(bills);
        assertThat(millis).isLessThan(10_000);
    }

    private void load(int bills, String tag) {
        String articles = """
                INSERT INTO article (id, code, kind, name_es, name_en, unit_id, cost, stock_tracked)
                SELECT gen_random_uuid(), :tag || '-' || :prefix || g, :kind, 'Bench ' || g, 'Bench ' || g,
                       (SELECT id FROM unit_of_measure WHERE code = 'ud'), (g % 17) + 1, :kind <> 'service'
                  FROM generate_series(1, :count) AS g
                """;
        jdbc.sql(articles)
                .param("tag", tag)
                .param("prefix", "M")
                .param("kind", "goods")
                .param("count", bills)
                .update();
        jdbc.sql(articles)
                .param("tag", tag)
                .param("prefix", "I")
                .param("kind", "input")
                .param("count", 3000)
                .update();
        jdbc.sql(articles)
                .param("tag", tag)
                .param("prefix", "S")
                .param("kind", "service")
                .param("count", 10)
                .update();
        jdbc.sql("""
                        INSERT INTO production_bom (id, article_id, revision, status, valid_from)
                        SELECT gen_random_uuid(), a.id, 1, 'ACTIVE', DATE '2020-01-01'
                          FROM article a WHERE a.code LIKE :tag || '-M%'
                        """).param("tag", tag).update();
        // Made article n uses inputs (n*3 .. n*3+2) mod 3000, a service, and made article n+1 unless n is a
        // multiple of ten (chains of ten levels).
        jdbc.sql("""
                        WITH made AS (
                            SELECT b.id AS bom_id, substring(a.code from '-M([0-9]+)$')::int AS n
                              FROM production_bom b JOIN article a ON a.id = b.article_id
                             WHERE a.code LIKE :tag || '-M%'
                        )
                        INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
                        SELECT gen_random_uuid(), m.bom_id, k + 1, 'MATERIAL', i.id, 1 + k, 5
                          FROM made m
                          CROSS JOIN generate_series(0, 2) AS k
                          JOIN article i ON i.code = :tag || '-I' || (((m.n * 3 + k) % 3000) + 1)
                        UNION ALL
                        SELECT gen_random_uuid(), m.bom_id, 4, 'SERVICE', s.id, 1, 0
                          FROM made m JOIN article s ON s.code = :tag || '-S' || ((m.n % 10) + 1)
                        UNION ALL
                        SELECT gen_random_uuid(), m.bom_id, 5, 'MATERIAL', c.id, 2, 10
                          FROM made m JOIN article c ON c.code = :tag || '-M' || (m.n + 1)
                         WHERE m.n % 10 <> 0
                        """).param("tag", tag).update();
    }
}

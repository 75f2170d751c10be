package com.nexo.imports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code nexo_refresh_statistics}, which the apply step calls before each chunk, as the staff role:
 * it analyses a table only once the rows changed since its last ANALYZE are at least 1,000 and at
 * least half of what it held, and never a table that is not the application's own.
 */
@NexoSpringTest
class ImportStatisticsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService users;

    <T> T asAdmin(Supplier<T> work) {
        return LoggedIn.asUser(users, ImportCentreTest.ADMIN, () -> transactions.execute(status -> work.get()));
    }

    boolean refresh(String table) {
        return asAdmin(() -> jdbc.sql("SELECT nexo_refresh_statistics(CAST(:t AS regclass))")
                .param("t", table)
                .query(Boolean.class)
                .single());
    }

    @Test
    void a_table_that_grew_by_half_is_analysed_once_and_other_tables_never() {
        assertThat(refresh("pg_catalog.pg_class")).as("a catalogue table").isFalse();

        // Rows enough to pass both thresholds, whatever the table held before.
        long before = asAdmin(() -> jdbc.sql(
                        "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'import_mapping'::regclass")
                .query(Long.class)
                .single());
        long rows = Math.max(1_200, before);
        String tag = ImportCentreTest.tag();
        asAdmin(() -> jdbc.sql("INSERT INTO import_mapping (id, target, name, field_by_header)"
                        + " SELECT gen_random_uuid(), 'accounts', :tag || ' ' || g, '{}'::jsonb"
                        + " FROM generate_series(1, :rows) AS g")
                .param("tag", tag)
                .param("rows", rows)
                .update());

        // The server counts changed rows when the inserting session reports them (within seconds).
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        boolean analysed = false;
        while (!analysed && Instant.now().isBefore(until)) {
            analysed = refresh("import_mapping");
            if (!analysed) {
                pause();
            }
        }
        assertThat(analysed)
                .as("import_mapping analysed after %d new rows", rows)
                .isTrue();
        long after =
                asAdmin(() -> jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE oid = 'import_mapping'::regclass")
                        .query(Long.class)
                        .single());
        assertThat(after).as("the rows the statistics know of").isGreaterThanOrEqualTo(rows);
        assertThat(refresh("import_mapping"))
                .as("right after, nothing changed since")
                .isFalse();

        asAdmin(() -> jdbc.sql("DELETE FROM import_mapping WHERE name LIKE :tag || ' %'")
                .param("tag", tag)
                .update());
    }

    static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

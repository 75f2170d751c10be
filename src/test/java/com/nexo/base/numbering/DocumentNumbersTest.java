package com.nexo.base.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers as the issuing services take them: consecutive per tenant, series and year, given
 * back by a rolled-back issue, without gaps or repeats under concurrent issues, and only inside the
 * issuing transaction. Each test uses a series of its own.
 */
@NexoSpringTest
class DocumentNumbersTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final UUID NORTHWIND = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");

    @Autowired
    private DocumentNumbers numbers;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void numbers_are_consecutive_per_series_year_and_tenant_and_print_with_six_digits() {
        String series = newSeries();

        assertThat(issue(DEMO, series, 2026).text()).isEqualTo(series + "2026-000001");
        assertThat(issue(DEMO, series, 2026).text()).isEqualTo(series + "2026-000002");
        assertThat(issue(DEMO, series, 2027).sequence())
                .as("a new year starts again")
                .isEqualTo(1);
        assertThat(issue(NORTHWIND, series, 2026).sequence())
                .as("another tenant's series of the same name")
                .isEqualTo(1);
        assertThat(issue(DEMO, series, 2026).sequence()).isEqualTo(3);
        assertThat(new DocumentNumber("F", 2026, 1_234_567).text()).isEqualTo("F2026-1234567");
    }

    @Test
    void a_rolled_back_issue_gives_its_number_back() {
        String series = newSeries();
        assertThat(issue(DEMO, series, 2026).sequence()).isEqualTo(1);

        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        DocumentNumber lost = TenantContext.callAsSystem(
                DEMO,
                null,
                () -> transaction.execute(status -> {
                    DocumentNumber taken = numbers.next(series, 2026);
                    status.setRollbackOnly(); // the issue fails after taking its number
                    return taken;
                }));

        assertThat(lost.sequence()).isEqualTo(2);
        assertThat(issue(DEMO, series, 2026).sequence()).as("the next issue").isEqualTo(2);
    }

    @Test
    void concurrent_issues_get_consecutive_numbers_without_gaps_or_repeats() throws Exception {
        String series = newSeries();
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                boolean failSome = t % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> kept = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        boolean rollBack = failSome && i % 3 == 0;
                        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
                        Long taken = TenantContext.callAsSystem(
                                DEMO,
                                null,
                                () -> transaction.execute(status -> {
                                    long sequence = numbers.next(series, 2026).sequence();
                                    // Hold the counter a moment, as an issue writing its lines would.
                                    jdbc.sql("SELECT pg_sleep(0.002)").query().listOfRows();
                                    if (rollBack) {
                                        status.setRollbackOnly();
                                    }
                                    return sequence;
                                }));
                        if (!rollBack) {
                            kept.add(taken);
                        }
                    }
                    return kept;
                }));
            }
            start.countDown();
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }

            long committed = all.size();
            assertThat(committed).isLessThan((long) threads * perThread);
            assertThat(all)
                    .as("the committed issues hold exactly 1..%d", committed)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, committed).boxed().toList());
            assertThat(issue(DEMO, series, 2026).sequence()).isEqualTo(committed + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_number_is_taken_only_inside_the_issuing_transaction() {
        assertThatThrownBy(() -> TenantContext.callAsSystem(DEMO, null, () -> numbers.next(newSeries(), 2026)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> issue(DEMO, "f-1", 2026)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_database_lets_a_counter_only_start_at_one_and_move_forward_by_one() {
        String series = newSeries();
        issue(DEMO, series, 2026);
        issue(DEMO, series, 2026);

        assertThatThrownBy(() -> inDemo(
                        () -> jdbc.sql("UPDATE number_series SET last_number = 1 WHERE series = :s AND year = 2026")
                                .param("s", series)
                                .update()))
                .as("rewinding, to give a number twice")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("only moves forward by one");
        assertThatThrownBy(() -> inDemo(
                        () -> jdbc.sql("UPDATE number_series SET last_number = 10 WHERE series = :s AND year = 2026")
                                .param("s", series)
                                .update()))
                .as("skipping numbers")
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> inDemo(
                        () -> jdbc.sql("INSERT INTO number_series (series, year, last_number) VALUES (:s, 2030, 500)")
                                .param("s", series)
                                .update()))
                .as("a counter that starts late")
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> inDemo(() -> jdbc.sql("DELETE FROM number_series WHERE series = :s")
                        .param("s", series)
                        .update()))
                .as("deleting a counter")
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(issue(DEMO, series, 2026).sequence()).isEqualTo(3);

        Long seenByNorthwind = TenantContext.callAsSystem(
                NORTHWIND,
                null,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> jdbc.sql("SELECT count(*) FROM number_series WHERE series = :s")
                                .param("s", series)
                                .query(Long.class)
                                .single()));
        assertThat(seenByNorthwind).as("another tenant's counters").isZero();
    }

    private DocumentNumber issue(UUID tenant, String series, int year) {
        return inTenant(tenant, () -> numbers.next(series, year));
    }

    private <T> T inDemo(Supplier<T> work) {
        return inTenant(DEMO, work);
    }

    private <T> T inTenant(UUID tenant, Supplier<T> work) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return TenantContext.callAsSystem(tenant, null, () -> transaction.execute(status -> work.get()));
    }

    /** A series no other test uses: "T" and five letters. */
    private static String newSeries() {
        StringBuilder series = new StringBuilder("T");
        for (int i = 0; i < 5; i++) {
            series.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return series.toString();
    }
}

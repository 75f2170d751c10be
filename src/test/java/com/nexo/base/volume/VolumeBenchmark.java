package com.nexo.base.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.LoggedIn;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the volume benchmarks (sales.volume.InvoiceVolumeBenchmark,
 * purchasing.volume.PurchaseOrderVolumeBenchmark) share: the timing loop (warm-up runs, then
 * measured runs), the p50 / p95 figures, a table row printed per measurement with the service (as a
 * user) beside the same SQL on a connection of the application role bound as that user, and the
 * owner's ANALYZE between batches of a load.
 */
public final class VolumeBenchmark {

    /** Runs before each measurement, not measured (plans cached, pages read). */
    public static final int WARM_UP = 5;

    /** Measured runs of each measurement. */
    public static final int RUNS = 60;

    /** The header of the table the rows of {@link #report} and {@link #reportService} belong to. */
    public static final String TABLE_HEADER = """
            | measurement | service p50 / p95 (ms) | SQL p50 / p95 (ms) | rows |
            |---|---|---|---|""";

    private final UserDetailsService users;
    private final String user;

    /** Measures the services as {@code user} (an e-mail {@code users} knows). */
    public VolumeBenchmark(UserDetailsService users, String user) {
        this.users = users;
        this.user = user;
    }

    /**
     * Prints a row: {@code service} as the user (none when null) and {@code direct}, the SQL that
     * stands for it, which must return rows.
     */
    public void report(String name, Supplier<?> service, Supplier<List<Map<String, Object>>> direct) {
        String servicePercentiles = service == null ? "–" : asUser(() -> percentiles(times(service)));
        int[] rows = {0};
        String sqlPercentiles = percentiles(times(() -> {
            rows[0] = direct.get().size();
            return null;
        }));
        assertThat(rows[0]).as(name).isPositive();
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %d |%n", name, servicePercentiles, sqlPercentiles, rows[0]);
    }

    /** Prints a row of {@code service} as the user, with no SQL beside it. */
    public void reportService(String name, Supplier<?> service) {
        System.out.printf(Locale.ROOT, "| %s | %s | – | – |%n", name, asUser(() -> percentiles(times(service))));
    }

    /** {@code work} as the user. */
    public <T> T asUser(Supplier<T> work) {
        return LoggedIn.asUser(users, user, work);
    }

    /**
     * Binds the user's context (an employee of {@code tenant}) to the connection's transaction, as
     * the application does: what the SQL of {@link #report} runs under.
     */
    public void bind(Connection connection, UUID tenant) throws SQLException {
        TestContexts.bind(connection, DatabaseContext.system(tenant, null));
        UUID id = JdbcClient.create(new SingleConnectionDataSource(connection, true))
                .sql("SELECT id FROM app_user WHERE email = :e")
                .param("e", user)
                .query(UUID.class)
                .single();
        TestContexts.bind(connection, new DatabaseContext(tenant, id, ActorType.EMPLOYEE, null));
    }

    /**
     * Prints "{@code title}:" and the plan of {@code statement} run with {@code params} (EXPLAIN
     * ANALYZE, BUFFERS, no costs), indented, then the table's header.
     */
    public static void printPlanAndHeader(String title, JdbcClient sql, String statement, Map<String, ?> params) {
        System.out.println();
        System.out.println(title + ":");
        sql.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement)
                .params(params)
                .query(String.class)
                .list()
                .forEach(line -> System.out.println("    " + line));
        System.out.println();
        System.out.println(TABLE_HEADER);
    }

    /** {@value #WARM_UP} runs of {@code work}, then the nanoseconds of each of {@value #RUNS} more. */
    public static long[] times(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /** "p50 / p95" in milliseconds (a busy machine's stalls show in the p95 of fast statements). */
    public static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f",
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
    }

    /**
     * Fresh planner statistics of {@code tables} (comma-separated names); ANALYZE needs the owner
     * (Flyway's connection).
     */
    public static void analyze(Flyway flyway, String tables) {
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("ANALYZE " + tables);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether to ANALYZE after a batch that brought the load to {@code generated}: after the first
     * batch and about every 50,000 rows.
     */
    public static boolean analyzeAfter(int generated, int batch) {
        return generated <= batch || generated % 50_000 < batch;
    }
}

package com.nexo.accounts.search;

import com.nexo.accounts.account.AccountRole;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Command-line tools for performance work, kept in the test sources so that they never ship in the
 * production jar. Run by starting the application on the test class path with
 * {@code ./mvnw spring-boot:test-run} and {@code --nexo.accounts.tool=generate} or
 * {@code --nexo.accounts.tool=benchmark} (see the README): the tool runs after start-up and then stops
 * the application.
 *
 * <ul>
 *   <li>{@code generate}: one large benchmark tenant ({@code nexo.accounts.generate.large} accounts,
 *       default 1,000,000) and {@code small-tenants} others with {@code small} accounts each (default
 *       3 × 100,000), created if missing and topped up to those counts; then ANALYZE through Flyway's
 *       connection (the owner's, the only role that may analyse; no password passes through here).
 *   <li>{@code benchmark}: first page, a deep page (keyset, and offset for comparison), quick searches
 *       and the count in the large tenant, each at the service level and as the same SQL under
 *       EXPLAIN ANALYZE; prints p50/p95/max over {@code nexo.accounts.benchmark.runs} runs.
 * </ul>
 */
@Component
@Order(100)
@ConditionalOnProperty("nexo.accounts.tool")
class AccountTools implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AccountTools.class);

    static final UUID LARGE_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-00000000b000");

    private static final Pattern EXECUTION_TIME = Pattern.compile("\"Execution Time\"\\s*:\\s*([0-9.]+)");
    private static final int WARM_UP = 5;
    private static final int PAGE = 50;

    private final String tool;
    private final long large;
    private final long small;
    private final int smallTenants;
    private final int runs;
    private final AccountListService lists;
    private final AccountSearch search;
    private final AccountGenerator generator;
    private final TenantService tenants;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final ConfigurableApplicationContext context;
    private final Flyway flyway;

    AccountTools(
            @Value("${nexo.accounts.tool}") String tool,
            @Value("${nexo.accounts.generate.large:1000000}") long large,
            @Value("${nexo.accounts.generate.small:100000}") long small,
            @Value("${nexo.accounts.generate.small-tenants:3}") int smallTenants,
            @Value("${nexo.accounts.benchmark.runs:50}") int runs,
            Flyway flyway,
            AccountListService lists,
            AccountSearch search,
            AccountGenerator generator,
            TenantService tenants,
            JdbcTemplate jdbc,
            NamedParameterJdbcTemplate named,
            PlatformTransactionManager transactionManager,
            ConfigurableApplicationContext context) {
        this.tool = tool;
        this.large = large;
        this.small = small;
        this.smallTenants = smallTenants;
        this.runs = runs;
        this.flyway = flyway;
        this.lists = lists;
        this.search = search;
        this.generator = generator;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = new TransactionTemplate(transactionManager);
        this.context = context;
    }

    static UUID smallTenant(int index) {
        return UUID.fromString(String.format(Locale.ROOT, "0195f3a0-0000-7000-8000-00000000b%03d", index));
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int status = 0;
        try {
            switch (tool) {
                case "generate" -> generate();
                case "benchmark" -> benchmark();
                default -> throw new IllegalArgumentException("Unknown tool " + tool + ": use generate or benchmark");
            }
        } catch (RuntimeException | SQLException e) {
            LOG.error("The {} tool failed", tool, e);
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    // --- generate ----------------------------------------------------------------------------

    private void generate() throws SQLException {
        long started = System.nanoTime();
        topUp(LARGE_TENANT, "bench-large", "Benchmark Grande, S.A.", large);
        for (int i = 1; i <= smallTenants; i++) {
            topUp(smallTenant(i), "bench-small-" + i, "Benchmark Pequeña " + i + ", S.L.", small);
        }
        LOG.info("Generation done in {} s; analysing the tables", (System.nanoTime() - started) / 1_000_000_000);
        // Planner statistics matter for the benchmark; only the owner may ANALYZE, and Flyway's data
        // source is the one configured connection as the owner.
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE account");
            statement.execute("ANALYZE contact");
            statement.execute("ANALYZE change_history");
        }
        System.out.printf(
                Locale.ROOT,
                "%nGenerated: %,d accounts in tenant bench-large and %,d in each of %d other tenants (%d s).%n",
                large,
                small,
                smallTenants,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private void topUp(UUID tenant, String code, String name, long target) {
        TenantContext.callAsSystem(tenant, null, () -> {
            if (!tenants.exists(tenant)) {
                tenants.createTenant(tenant, code, name, "es");
            }
            Long existing =
                    transactions.execute(status -> jdbc.queryForObject("SELECT count(*) FROM account", Long.class));
            long missing = target - (existing == null ? 0 : existing);
            if (missing > 0) {
                long started = System.nanoTime();
                generator.generate(tenant, missing);
                LOG.info(
                        "Tenant {}: {} accounts added in {} ms",
                        code,
                        missing,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return null;
        });
    }

    // --- benchmark ---------------------------------------------------------------------------

    private void benchmark() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%-44s %9s %9s %9s | %9s %9s %9s",
                "case (tenant bench-large)",
                "svc p50",
                "svc p95",
                "svc max",
                "sql p50",
                "sql p95",
                "sql max"));
        TenantContext.callAsSystem(LARGE_TENANT, null, () -> {
            long total =
                    transactions.execute(status -> jdbc.queryForObject("SELECT count(*) FROM account", Long.class));
            long active = transactions.execute(
                    status -> jdbc.queryForObject("SELECT count(*) FROM account WHERE NOT archived", Long.class));
            lines.add(
                    0,
                    String.format(
                            Locale.ROOT,
                            "accounts in tenant: %,d (active %,d); runs per case: %d",
                            total,
                            active,
                            runs));
            AccountFilter all = AccountFilter.active();
            AccountQuery byName = new AccountQuery(all, AccountSort.byName());
            long deep = active * 9 / 10;
            PageCursor cursor = transactions.execute(status -> jdbc.queryForObject(
                    "SELECT name_key, id FROM account WHERE NOT archived ORDER BY name_key, id OFFSET ? LIMIT 1",
                    (row, i) -> new PageCursor(row.getString(1), row.getObject(2, UUID.class)),
                    deep));
            lines.add(measure(
                    "first page, by name (50 rows)",
                    runs,
                    () -> lists.page(byName, null, PAGE),
                    () -> explainPage(byName, null, PAGE)));
            lines.add(measure(
                    "deep page at 90%, keyset (50 rows)",
                    runs, () -> lists.page(byName, cursor, PAGE), () -> explainPage(byName, cursor, PAGE)));
            AccountQuery updated = new AccountQuery(all, Sort.descending(AccountSort.UPDATED));
            lines.add(measure(
                    "first page, last updated first",
                    runs,
                    () -> lists.page(updated, null, PAGE),
                    () -> explainPage(updated, null, PAGE)));
            AccountFilter clients = new AccountFilter(java.util.Set.of(AccountRole.SUPPLIER), "vip", null, null, null);
            lines.add(measure(
                    "first page, suppliers tagged vip",
                    runs,
                    () -> lists.page(new AccountQuery(clients, AccountSort.byName()), null, PAGE),
                    () -> explainPage(new AccountQuery(clients, AccountSort.byName()), null, PAGE)));
            for (String text : List.of(
                    "fontaneria aragonesa zaragosa", "ferret gallega", "garcia", "info1234@", "B0012345", "600 12")) {
                AccountFilter filter = AccountFilter.search(text);
                lines.add(measure(
                        "quick search \"" + text + "\" (20 rows)",
                        runs,
                        () -> lists.quickSearch(text, 20),
                        () -> explainPage(new AccountQuery(filter, AccountSort.relevance()), null, 20)));
            }
            lines.add(measure("count (estimate above 1,000)", runs, () -> lists.count(all), null));
            lines.add(measure(
                    "deep page at 90%, OFFSET (for comparison)",
                    Math.min(runs, 5),
                    () -> transactions.execute(status -> jdbc.queryForList(
                            "SELECT id FROM account WHERE NOT archived ORDER BY name_key, id OFFSET ? LIMIT ?",
                            deep,
                            PAGE)),
                    null));
            return null;
        });
        System.out.println();
        System.out.println("Accounts benchmark (milliseconds; svc = AccountListService call incl. transaction and"
                + " context binding; sql = the same statement's EXPLAIN ANALYZE execution time)");
        lines.forEach(System.out::println);
        System.out.println();
    }

    /**
     * The page statement of the service, run under {@code EXPLAIN ANALYZE}: the database's own time.
     * The statement is the one {@link AccountSearch} builds, caught on its way to the database.
     */
    private String explainPage(AccountQuery query, PageCursor after, int limit) {
        CapturedStatement statement = CapturedStatement.of(client -> search.read(query, after, limit, client));
        return named.queryForObject(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement.sql(), statement.params(), String.class);
    }

    private String measure(String name, int count, Supplier<?> service, Supplier<String> explain) {
        for (int i = 0; i < WARM_UP; i++) {
            service.get();
        }
        double[] serviceTimes = new double[count];
        double[] sqlTimes = new double[explain == null ? 0 : count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            service.get();
            serviceTimes[i] = (System.nanoTime() - started) / 1_000_000.0;
            if (explain != null) {
                String plan = transactions.execute(status -> explain.get());
                Matcher time = EXECUTION_TIME.matcher(plan == null ? "" : plan);
                sqlTimes[i] = time.find() ? Double.parseDouble(time.group(1)) : Double.NaN;
            }
        }
        String sql = explain == null
                ? String.format(Locale.ROOT, "%9s %9s %9s", "-", "-", "-")
                : String.format(
                        Locale.ROOT,
                        "%9.2f %9.2f %9.2f",
                        percentile(sqlTimes, 50),
                        percentile(sqlTimes, 95),
                        max(sqlTimes));
        String line = String.format(
                Locale.ROOT,
                "%-44s %9.2f %9.2f %9.2f | %s",
                name,
                percentile(serviceTimes, 50),
                percentile(serviceTimes, 95),
                max(serviceTimes),
                sql);
        LOG.info(line);
        return line;
    }

    static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}

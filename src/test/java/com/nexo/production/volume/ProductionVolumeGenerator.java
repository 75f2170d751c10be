package com.nexo.production.volume;

import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates bills of materials for the production benchmarks (test sources only: {@code
 * ProductionBenchmark} runs it), set-based in SQL ({@code INSERT ... SELECT} over {@code
 * generate_series}) under the tenant bound to the transaction (system work, the staff role, row-level
 * security and the history triggers on, as the other volume generators do). Three shapes, each with
 * articles of its own (codes "{@code <prefix>D...}", "{@code M...}", "{@code W...}") and every bill
 * ACTIVE from 2020-01-01:
 *
 * <ul>
 *   <li><b>deep</b>: one bill {@code levels} levels deep, each made article using {@code branching}
 *       sub-assemblies of its own (a full tree: 121 bills for five levels of three), and inputs from a
 *       pool of 300 spread over all the bills so that the tree has {@code lines} lines in total;
 *   <li><b>many</b>: {@code bills} bills in {@code manyLevels} levels of equal size, each using two
 *       sub-assemblies of the level below (the bottom level none) and four inputs from a shared pool of
 *       1,000, so that every input is used by many bills and every sub-assembly by about two;
 *   <li><b>wide</b>: one article whose bill needs {@code wideInputs} inputs, one of each per unit, each
 *       with {@code wideStock} on hand in the warehouse (a receipt movement each).
 * </ul>
 *
 * Whoever runs a large volume refreshes the planner's statistics afterwards (ANALYZE needs the owner:
 * the benchmark does it).
 */
@Service
public class ProductionVolumeGenerator {

    /** What to generate; any size may be 0 to leave that shape out. */
    public record VolumeSpec(
            int levels, int branching, int lines, int bills, int manyLevels, int wideInputs, int wideStock) {

        public VolumeSpec {
            if (levels < 1 || branching < 1 || manyLevels < 1 || lines < 0 || bills < 0 || wideInputs < 0) {
                throw new IllegalArgumentException("sizes must be positive");
            }
            if (lines > 0 && lines < deepBills(levels, branching) - 1) {
                throw new IllegalArgumentException("the deep bill needs a line for each sub-assembly");
            }
        }

        /** The issue's sizes: 5 levels of 3 with 2,000 lines; 10,000 bills in 4 levels; 200 inputs. */
        public static VolumeSpec issue15() {
            return new VolumeSpec(5, 3, 2_000, 10_000, 4, 200, 1_000_000);
        }

        /** How many bills the deep tree has: 1 + b + b^2 + ... (levels terms). */
        public int deepBills() {
            return deepBills(levels, branching);
        }

        private static int deepBills(int levels, int branching) {
            int bills = 0;
            int width = 1;
            for (int level = 0; level < levels; level++) {
                bills += width;
                width *= branching;
            }
            return bills;
        }
    }

    /**
     * What was generated: the deep bill's top article, the wide bill's article, the warehouse its
     * inputs are stocked in, the articles of the many bills' top level, and the counts.
     */
    public record Volume(
            String prefix,
            UUID deepTop,
            UUID wideArticle,
            UUID warehouse,
            long articles,
            long bills,
            long lines,
            long manyTops) {}

    private static final int DEEP_INPUTS = 300;
    private static final int MANY_INPUTS = 1_000;
    private static final int MANY_SUBS = 2;
    private static final int MANY_INPUT_LINES = 4;

    /** Articles :tag 0 .. :n - 1 (article :tag g's id is md5(run-a-<tag><g>), in every statement): inputs at a cost of 0.50 to 25.00, made articles at none. */
    private static final String ARTICLES = """
            INSERT INTO article (id, code, kind, name_es, name_en, unit_id, sale_price, cost, tax_rate, stock_tracked)
            SELECT md5(:run || '-a-' || :tag || g)::uuid, :prefix || :tag || lpad(g::text, 6, '0'),
                   CASE WHEN :made THEN 'goods' ELSE 'input' END,
                   CASE WHEN :made THEN 'Conjunto ' ELSE 'Material ' END || :tag || ' ' || g,
                   CASE WHEN :made THEN 'Assembly ' ELSE 'Material ' END || :tag || ' ' || g,
                   :unit, 0, CASE WHEN :made THEN 0 ELSE 0.50 + (g % 50) * 0.49 END, 21, true
              FROM generate_series(0, :n - 1) g
            """;

    /** A bill for each of articles :tag 0 .. :n - 1, a draft while its lines are written. */
    private static final String BILLS = """
            INSERT INTO production_bom (id, article_id, revision, status, valid_from, notes)
            SELECT md5(:run || '-b-' || :tag || g)::uuid, md5(:run || '-a-' || :tag || g)::uuid, 1, 'DRAFT',
                   DATE '2020-01-01', 'generated'
              FROM generate_series(0, :n - 1) g
            """;

    /** The deep tree's sub-assembly lines: article c (1 .. bills - 1) in the bill of (c - 1) / branching. */
    private static final String DEEP_SUB_LINES = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
            SELECT gen_random_uuid(), md5(:run || '-b-D' || ((c - 1) / :branching))::uuid, 1 + (c - 1) % :branching,
                   'MATERIAL', md5(:run || '-a-D' || c)::uuid, 1 + c % 3, 0
              FROM generate_series(1, :bills - 1) c
            """;

    /**
     * The deep tree's input lines: bill i gets :base inputs (one more for i < :extra), after its
     * sub-assembly positions, from the pool at a stride that keeps a bill's inputs distinct.
     */
    private static final String DEEP_INPUT_LINES = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
            SELECT gen_random_uuid(), md5(:run || '-b-D' || i)::uuid, :branching + 1 + j, 'MATERIAL',
                   md5(:run || '-a-DI' || ((i * 17 + j) % :pool))::uuid, 0.5 + (j % 4) * 0.25, (j % 3) * 2
              FROM generate_series(0, :bills - 1) i
             CROSS JOIN generate_series(0, :base) j
             WHERE j < :base OR i < :extra
            """;

    /**
     * The many bills: bill g (level g / :per) uses :subs assemblies of the level below (none at the
     * bottom level) and :inputs inputs of the shared pool.
     */
    private static final String MANY_SUB_LINES = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
            SELECT gen_random_uuid(), md5(:run || '-b-M' || g)::uuid, 1 + s, 'MATERIAL',
                   md5(:run || '-a-M' || ((g / :per + 1) * :per + (g % :per * 7 + s) % :per))::uuid, 1 + s, 0
              FROM generate_series(0, :n - 1) g
             CROSS JOIN generate_series(0, :subs - 1) s
             WHERE g / :per < :levels - 1
            """;

    private static final String MANY_INPUT_LINES_SQL = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
            SELECT gen_random_uuid(), md5(:run || '-b-M' || g)::uuid, :subs + 1 + j, 'MATERIAL',
                   md5(:run || '-a-MI' || ((g * 31 + j * 7) % :pool))::uuid, 0.25 + (g + j) % 8 * 0.5, (g + j) % 4
              FROM generate_series(0, :n - 1) g
             CROSS JOIN generate_series(0, :inputs - 1) j
            """;

    /** The wide bill: one of each of its inputs per unit. */
    private static final String WIDE_LINES = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent)
            SELECT gen_random_uuid(), md5(:run || '-b-W0')::uuid, 1 + g, 'MATERIAL', md5(:run || '-a-WI' || g)::uuid, 1, 0
              FROM generate_series(0, :n - 1) g
            """;

    /** A receipt of :stock of each of the wide bill's inputs into the warehouse. */
    private static final String WIDE_STOCK = """
            INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity, entered_quantity,
                                        entered_unit_id, reason)
            SELECT gen_random_uuid(), 'receipt', md5(:run || '-a-WI' || g)::uuid, :warehouse, :stock, :stock, :unit,
                   'generated'
              FROM generate_series(0, :n - 1) g
            """;

    /** Every bill of the run in force, once its lines are in (as activating a draft does). */
    private static final String ACTIVATE = """
            UPDATE production_bom b SET status = 'ACTIVE'
              FROM article a
             WHERE a.id = b.article_id AND a.code LIKE :prefix || '%' AND b.status = 'DRAFT'
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProductionVolumeGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Generates the volume in one transaction bound to the caller's tenant (which needs the unit "ud"
     * and a warehouse: the central one "CEN" when it has one). Inside a caller's transaction it joins
     * it (a test rolls it all back).
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(VolumeSpec spec) {
        String run = UUID.randomUUID().toString();
        String prefix = "PV" + run.substring(0, 6).toUpperCase(Locale.ROOT);
        return transactions.execute(status -> {
            UUID unit = jdbc.sql("SELECT id FROM unit_of_measure WHERE code = 'ud'")
                    .query(UUID.class)
                    .single();
            UUID warehouse = jdbc.sql("SELECT id FROM warehouse ORDER BY code <> 'CEN', code LIMIT 1")
                    .query(UUID.class)
                    .single();
            Writer writer = new Writer(run, prefix, unit);
            long started = System.nanoTime();
            UUID deepTop = null;
            if (spec.lines() > 0) {
                int bills = spec.deepBills();
                int inputLines = spec.lines() - (bills - 1);
                writer.articles("D", bills, true);
                writer.articles("DI", DEEP_INPUTS, false);
                writer.bills("D", bills);
                writer.lines(jdbc.sql(DEEP_SUB_LINES)
                        .param("branching", spec.branching())
                        .param("bills", bills));
                writer.lines(jdbc.sql(DEEP_INPUT_LINES)
                        .param("branching", spec.branching())
                        .param("bills", bills)
                        .param("base", inputLines / bills)
                        .param("extra", inputLines % bills)
                        .param("pool", DEEP_INPUTS));
                deepTop = writer.id("D", 0);
                writer.step("deep bill");
            }
            long manyTops = 0;
            if (spec.bills() > 0) {
                int per = Math.max(1, spec.bills() / spec.manyLevels());
                int bills = per * spec.manyLevels();
                writer.articles("M", bills, true);
                writer.articles("MI", MANY_INPUTS, false);
                writer.bills("M", bills);
                writer.lines(jdbc.sql(MANY_SUB_LINES)
                        .param("n", bills)
                        .param("per", per)
                        .param("subs", Math.min(MANY_SUBS, per))
                        .param("levels", spec.manyLevels()));
                writer.lines(jdbc.sql(MANY_INPUT_LINES_SQL)
                        .param("n", bills)
                        .param("subs", Math.min(MANY_SUBS, per))
                        .param("inputs", MANY_INPUT_LINES)
                        .param("pool", MANY_INPUTS));
                manyTops = per;
                writer.step("many bills");
            }
            UUID wide = null;
            if (spec.wideInputs() > 0) {
                writer.articles("W", 1, true);
                writer.articles("WI", spec.wideInputs(), false);
                writer.bills("W", 1);
                writer.lines(jdbc.sql(WIDE_LINES).param("n", spec.wideInputs()));
                jdbc.sql(WIDE_STOCK)
                        .param("run", run)
                        .param("n", spec.wideInputs())
                        .param("warehouse", warehouse)
                        .param("stock", spec.wideStock())
                        .param("unit", unit)
                        .update();
                wide = writer.id("W", 0);
                writer.step("wide bill");
            }
            jdbc.sql(ACTIVATE).param("prefix", prefix).update();
            writer.step("activated");
            System.out.printf(
                    Locale.ROOT,
                    "Production volume %s in %d ms: %s%n",
                    prefix,
                    (System.nanoTime() - started) / 1_000_000,
                    writer.steps);
            return new Volume(prefix, deepTop, wide, warehouse, writer.articles, writer.bills, writer.lines, manyTops);
        });
    }

    /** The statements of one run and what they wrote. */
    private final class Writer {

        private final String run;
        private final String prefix;
        private final UUID unit;
        private final StringBuilder steps = new StringBuilder();
        private long last = System.nanoTime();
        private long articles;
        private long bills;
        private long lines;

        Writer(String run, String prefix, UUID unit) {
            this.run = run;
            this.prefix = prefix;
            this.unit = unit;
        }

        void articles(String tag, int n, boolean made) {
            articles += jdbc.sql(ARTICLES)
                    .param("run", run)
                    .param("prefix", prefix)
                    .param("tag", tag)
                    .param("n", n)
                    .param("made", made)
                    .param("unit", unit)
                    .update();
        }

        void bills(String tag, int n) {
            bills += jdbc.sql(BILLS)
                    .param("run", run)
                    .param("tag", tag)
                    .param("n", n)
                    .update();
        }

        void lines(JdbcClient.StatementSpec statement) {
            lines += statement.param("run", run).update();
        }

        UUID id(String tag, int g) {
            return jdbc.sql("SELECT md5(:run || '-a-' || :tag || CAST(:g AS text))::uuid")
                    .param("run", run)
                    .param("tag", tag)
                    .param("g", g)
                    .query(UUID.class)
                    .single();
        }

        void step(String name) {
            long now = System.nanoTime();
            steps.append(steps.isEmpty() ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append((now - last) / 1_000_000)
                    .append(" ms");
            last = now;
        }
    }
}

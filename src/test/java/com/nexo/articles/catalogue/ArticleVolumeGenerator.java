package com.nexo.articles.catalogue;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates large catalogues and ledgers for load tests and benchmarks (test sources only: it never
 * ships in the production jar; {@code StockVolumeBenchmark} runs it), set-based in SQL under the
 * tenant bound to the transaction (system work): a category tree below one root, articles spread
 * over its leaves, three warehouses, one "hot" article with a long ledger, receipts spread over the
 * other articles, and replenishment levels. Article n of a run has the EAN-13 barcode
 * {@code 2 pp nnnnnnnnn c} (an in-store number: two digits from the prefix, n, the check digit), see
 * {@link #barcode}.
 */
@Service
public class ArticleVolumeGenerator {

    /**
     * What to generate. {@code prefix} keeps codes of several runs apart (letters and digits, up to
     * 8). The tree has {@code families × subfamilies × leaves} leaf categories.
     */
    public record VolumeSpec(
            String prefix,
            int families,
            int subfamilies,
            int leaves,
            int articles,
            int hotArticleMovements,
            int spreadMovements,
            int levelsEvery) {

        public VolumeSpec {
            if (prefix == null || !prefix.matches("[A-Za-z0-9]{1,8}")) {
                throw new IllegalArgumentException("prefix: 1 to 8 letters or digits");
            }
            if (families < 1 || subfamilies < 1 || leaves < 1 || articles < 1 || levelsEvery < 1) {
                throw new IllegalArgumentException("sizes must be positive");
            }
        }
    }

    /** What was generated: the ids the benchmark queries. */
    public record Volume(
            UUID rootCategoryId,
            UUID someLeafCategoryId,
            UUID hotArticleId,
            UUID warehouseId,
            long categories,
            long articles,
            long movements,
            long levels) {}

    /**
     * Movements per transaction. Each movement updates its balance row; many updates of one row in one
     * transaction leave a version chain that every next update walks (quadratic), so long ledgers are
     * written in batches, as real work would commit them one by one.
     */
    private static final int MOVEMENT_BATCH = 2_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ArticleVolumeGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Generates the volume in several transactions (catalogue first, then the ledger in batches), all
     * bound to the caller's tenant. Not atomic: an interrupted run leaves what it committed, under its
     * own prefix.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(VolumeSpec spec) {
        Volume catalogue = transactions.execute(status -> catalogue(spec));
        long movements = 0;
        String p = spec.prefix().toUpperCase(java.util.Locale.ROOT);
        for (int from = 1; from <= spec.hotArticleMovements(); from += MOVEMENT_BATCH) {
            int first = from;
            int last = Math.min(spec.hotArticleMovements(), from + MOVEMENT_BATCH - 1);
            movements +=
                    transactions.execute(status -> hotMovements(catalogue, first, last, spec.hotArticleMovements()));
        }
        for (int from = 1; from <= spec.spreadMovements(); from += MOVEMENT_BATCH * 10) {
            int first = from;
            int last = Math.min(spec.spreadMovements(), from + MOVEMENT_BATCH * 10 - 1);
            movements += transactions.execute(status -> spreadMovements(catalogue, p, first, last));
        }
        return new Volume(
                catalogue.rootCategoryId(),
                catalogue.someLeafCategoryId(),
                catalogue.hotArticleId(),
                catalogue.warehouseId(),
                catalogue.categories(),
                catalogue.articles(),
                movements,
                catalogue.levels());
    }

    private Volume catalogue(VolumeSpec spec) {
        String p = spec.prefix().toUpperCase(java.util.Locale.ROOT);
        UUID unit = jdbc.sql("SELECT id FROM unit_of_measure WHERE code = 'ud'")
                .query(UUID.class)
                .single();
        UUID root = jdbc.sql("""
                        INSERT INTO article_category (id, code, name_es, name_en, path, depth)
                        SELECT id, :p, 'Generado ' || :p, 'Generated ' || :p, '/' || id || '/', 0
                          FROM (SELECT gen_random_uuid() AS id) s
                        RETURNING id
                        """).param("p", p).query(UUID.class).single();
        children(root, 0, spec.families(), "Familia", "Family");
        children(root, 1, spec.subfamilies(), "Subfamilia", "Subfamily");
        children(root, 2, spec.leaves(), "Grupo", "Group");
        String subtree = jdbc.sql("SELECT path FROM article_category WHERE id = :id")
                        .param("id", root)
                        .query(String.class)
                        .single()
                + "%";
        long articles = jdbc.sql("""
                        INSERT INTO article (id, code, kind, name_es, name_en, category_id, unit_id, barcode,
                                             sale_price, cost, tax_rate, stock_tracked)
                        SELECT gen_random_uuid(), :p || '-A' || lpad(g::text, 7, '0'),
                               CASE WHEN g % 5 = 0 THEN 'input' ELSE 'goods' END,
                               (ARRAY['Tornillo', 'Tuerca', 'Arandela', 'Perfil', 'Chapa', 'Disco', 'Guante', 'Brida',
                                      'Codo', 'Válvula'])[1 + g % 10]
                                   || ' ' || (ARRAY['M6', 'M8', 'inoxidable', 'galvanizado', '40x40', 'DN25',
                                                    '125 mm', 'nitrilo'])[1 + (g / 10) % 8] || ' ' || g,
                               (ARRAY['Screw', 'Nut', 'Washer', 'Section', 'Sheet', 'Disc', 'Glove', 'Flange',
                                      'Elbow', 'Valve'])[1 + g % 10] || ' ' || g,
                               leaves.id, :unit,
                               bc.digits || (10 - (SELECT sum(substr(bc.digits, i, 1)::integer * (1 + 2 * (1 - i % 2)))
                                                     FROM generate_series(1, 12) i) % 10) % 10,
                               round((1 + (g % 997) / 10.0)::numeric, 2), round((0.5 + (g % 997) / 20.0)::numeric, 2),
                               21, true
                          FROM generate_series(1, :n) g
                         CROSS JOIN LATERAL (SELECT '2' || lpad((abs(hashtext(:p)) % 100)::text, 2, '0')
                                                    || lpad(g::text, 9, '0') AS digits) bc
                          JOIN (SELECT id, (row_number() OVER (ORDER BY path) - 1) AS rn
                                  FROM article_category WHERE path LIKE :subtree AND depth = 3) leaves
                            ON leaves.rn = g % :leafCount
                        """)
                .param("p", p)
                .param("unit", unit)
                .param("n", spec.articles())
                .param("subtree", subtree)
                .param("leafCount", spec.families() * spec.subfamilies() * spec.leaves())
                .update();
        UUID[] warehouses = new UUID[3];
        for (int i = 0; i < 3; i++) {
            warehouses[i] = jdbc.sql("""
                            INSERT INTO warehouse (id, code, name) VALUES (gen_random_uuid(), :code, :name)
                            RETURNING id
                            """)
                    .param("code", p + "W" + (i + 1))
                    .param("name", "Almacén generado " + (i + 1))
                    .query(UUID.class)
                    .single();
        }
        UUID hot = jdbc.sql("SELECT id FROM article WHERE code = :code")
                .param("code", p + "-A0000001")
                .query(UUID.class)
                .single();
        long levels = jdbc.sql("""
                        INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)
                        SELECT id, :w, 10, 50 FROM article
                         WHERE code LIKE :codes AND right(code, 7)::integer % :every = 0
                        """)
                .param("w", warehouses[0])
                .param("codes", p + "-A%")
                .param("every", spec.levelsEvery())
                .update();
        UUID leaf = jdbc.sql("SELECT id FROM article_category WHERE path LIKE :subtree AND depth = 3 LIMIT 1")
                .param("subtree", subtree)
                .query(UUID.class)
                .single();
        long categories = 1L
                + spec.families()
                + (long) spec.families() * spec.subfamilies()
                + (long) spec.families() * spec.subfamilies() * spec.leaves();
        return new Volume(root, leaf, hot, warehouses[0], categories, articles, 0, levels);
    }

    /**
     * The barcode the generator gave article {@code n} of the run with {@code prefix} (two runs in one
     * database collide on barcodes when their prefixes share the two digits: one run per database).
     */
    public static String barcode(String prefix, long n, JdbcClient jdbc) {
        String digits = jdbc.sql("SELECT '2' || lpad((abs(hashtext(:p)) % 100)::text, 2, '0')")
                        .param("p", prefix.toUpperCase(java.util.Locale.ROOT))
                        .query(String.class)
                        .single()
                + String.format(java.util.Locale.ROOT, "%09d", n);
        return Ean13.complete(digits);
    }

    /** The hot article: receipts of two and issues of one, alternating, so stock never goes negative. */
    private long hotMovements(Volume volume, int first, int last, int total) {
        return jdbc.sql("""
                        INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,
                                                    entered_quantity, entered_unit_id, moved_at, reason)
                        SELECT gen_random_uuid(), CASE WHEN g % 2 = 1 THEN 'receipt' ELSE 'issue' END, :a, :w,
                               CASE WHEN g % 2 = 1 THEN 2 ELSE -1 END, CASE WHEN g % 2 = 1 THEN 2 ELSE 1 END,
                               (SELECT unit_id FROM article WHERE id = :a),
                               now() - make_interval(mins => :total - g), 'generated'
                          FROM generate_series(:first, :last) g
                        """)
                .param("a", volume.hotArticleId())
                .param("w", volume.warehouseId())
                .param("total", total)
                .param("first", first)
                .param("last", last)
                .update();
    }

    /** Receipts spread over the articles and warehouses (a prime stride scatters the articles). */
    private long spreadMovements(Volume volume, String p, int first, int last) {
        return jdbc.sql("""
                        INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, quantity,
                                                    entered_quantity, entered_unit_id, moved_at, reason)
                        SELECT gen_random_uuid(), 'receipt', a.id, (SELECT array_agg(id ORDER BY code) FROM warehouse WHERE code LIKE :warehouses)[1 + g % 3],
                               1 + g % 20, 1 + g % 20, a.unit_id, now() - make_interval(mins => g), 'generated'
                          FROM generate_series(:first, :last) g
                          JOIN (SELECT id, unit_id, row_number() OVER (ORDER BY code) - 1 AS rn
                                  FROM article WHERE code LIKE :codes) a
                            ON a.rn = (g::bigint * 7919) % :articles
                        """)
                .param("warehouses", p + "W_")
                .param("first", first)
                .param("last", last)
                .param("codes", p + "-A%")
                .param("articles", volume.articles())
                .update();
    }

    /** Adds {@code count} children to every category at {@code depth} below the root. */
    private void children(UUID root, int depth, int count, String nameEs, String nameEn) {
        jdbc.sql("""
                        INSERT INTO article_category (id, parent_id, code, name_es, name_en, path, depth)
                        SELECT s.id, p.id, p.code || '-' || s.i, :es || ' ' || p.code || '-' || s.i,
                               :en || ' ' || p.code || '-' || s.i, p.path || s.id || '/', p.depth + 1
                          FROM article_category p
                         CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, i FROM generate_series(1, :count) i
                                              WHERE p.id IS NOT NULL) s
                         WHERE p.path LIKE (SELECT path FROM article_category WHERE id = :root) || '%'
                           AND p.depth = :depth
                        """)
                .param("es", nameEs)
                .param("en", nameEn)
                .param("count", count)
                .param("root", root)
                .param("depth", depth)
                .update();
    }
}

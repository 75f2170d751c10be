package com.nexo.cms.volume;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Generates CMS content for the CMS benchmark (test sources only: {@code CmsBenchmark} runs it),
 * set-based in SQL ({@code INSERT ... SELECT} over {@code generate_series}) under the tenant bound to
 * the caller's transaction (system work: the staff role, row-level security and the history triggers
 * on). Every item has a Spanish and an English text made of words drawn half from a vocabulary of
 * each language (about 120 common words) and half from a large one of made-up words (13,824, see
 * {@link #SYLLABLES}) (titles of 4 to 7 words and the item's number, summaries of 12, bodies of 60 to
 * 120), drawn for each batch into a pool of {@link #POOL} paragraphs per language and field that the
 * items combine by their number; one in five is a document
 * in the generated folder with the text of its file (250 words, as extracted from a PDF); the rest are
 * news, articles and pages. Nine in ten are published; audiences vary over internal, clients,
 * suppliers, professionals and public. Slugs are {@code <prefix>-<n>}.
 *
 * <p>The caller refreshes the planner's statistics afterwards (ANALYZE needs the owner: the benchmark
 * and the test do it through {@code VolumeBenchmark.analyze}).
 */
@Service
public class CmsVolumeGenerator {

    /** Words of the Spanish texts (accents included: the search ignores them). */
    static final List<String> SPANISH = List.of(
            "factura",
            "cliente",
            "proveedor",
            "almacén",
            "pedido",
            "albarán",
            "producción",
            "calidad",
            "seguridad",
            "mantenimiento",
            "máquina",
            "taller",
            "soldadura",
            "pintura",
            "estantería",
            "acero",
            "chapa",
            "tornillo",
            "pieza",
            "montaje",
            "garantía",
            "devolución",
            "envío",
            "transporte",
            "plazo",
            "entrega",
            "presupuesto",
            "oferta",
            "tarifa",
            "descuento",
            "impuesto",
            "contabilidad",
            "nómina",
            "vacaciones",
            "formación",
            "prevención",
            "riesgos",
            "laborales",
            "protocolo",
            "incidencia",
            "reclamación",
            "política",
            "privacidad",
            "contrato",
            "condiciones",
            "generales",
            "manual",
            "instrucciones",
            "procedimiento",
            "inventario",
            "existencias",
            "compra",
            "venta",
            "precio",
            "catálogo",
            "novedad",
            "noticia",
            "empresa",
            "equipo",
            "reunión",
            "objetivo",
            "resultado",
            "informe",
            "anual",
            "trimestre",
            "mejora",
            "proceso",
            "digital",
            "portal",
            "acceso",
            "usuario",
            "contraseña",
            "documento",
            "archivo",
            "carpeta",
            "biblioteca",
            "artículo",
            "categoría",
            "página",
            "publicación",
            "revisión",
            "versión",
            "borrador",
            "certificado",
            "homologación",
            "norma",
            "auditoría",
            "energía",
            "residuos",
            "reciclaje",
            "sostenibilidad",
            "horario",
            "festivo",
            "oficina",
            "teléfono",
            "correo",
            "dirección",
            "jornada",
            "turno",
            "operario",
            "encargado",
            "cuidado",
            "limpieza",
            "herramienta",
            "repuesto",
            "avería",
            "revisado",
            "aprobado",
            "nuevo",
            "importante");

    /** Words of the English texts. */
    static final List<String> ENGLISH = List.of(
            "invoice",
            "customer",
            "supplier",
            "warehouse",
            "order",
            "delivery",
            "production",
            "quality",
            "safety",
            "maintenance",
            "machine",
            "workshop",
            "welding",
            "painting",
            "shelving",
            "steel",
            "sheet",
            "bolt",
            "part",
            "assembly",
            "warranty",
            "return",
            "shipping",
            "transport",
            "deadline",
            "handover",
            "quote",
            "offer",
            "price",
            "discount",
            "tax",
            "accounting",
            "payroll",
            "holidays",
            "training",
            "prevention",
            "hazards",
            "workplace",
            "protocol",
            "incident",
            "complaint",
            "policy",
            "privacy",
            "contract",
            "terms",
            "general",
            "manual",
            "instructions",
            "procedure",
            "inventory",
            "stock",
            "purchase",
            "sale",
            "catalogue",
            "release",
            "news",
            "company",
            "team",
            "meeting",
            "goal",
            "result",
            "report",
            "annual",
            "quarter",
            "improvement",
            "process",
            "digital",
            "portal",
            "access",
            "user",
            "password",
            "document",
            "file",
            "folder",
            "library",
            "article",
            "category",
            "page",
            "publication",
            "review",
            "version",
            "draft",
            "certificate",
            "approval",
            "standard",
            "audit",
            "energy",
            "waste",
            "recycling",
            "sustainability",
            "timetable",
            "holiday",
            "office",
            "phone",
            "mail",
            "address",
            "shift",
            "operator",
            "supervisor",
            "care",
            "cleaning",
            "tool",
            "spare",
            "breakdown",
            "checked",
            "approved",
            "new",
            "important",
            "running",
            "guidelines");

    /**
     * Syllables of the rare words, three to a word: 24 x 24 x 24 = 13,824 made-up words (names of parts,
     * places, people...), half the words of every text, so that a query for a rare word matches few
     * texts and one for a common word many, as in real text. (Built in SQL from the 24 syllables: a
     * subscript of a long text array walks it, which made generation crawl.)
     */
    private static final List<String> SYLLABLES = List.of(
            "ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ru", "sa", "te", "vi", "zo", "cha", "tre", "bri",
            "clo", "dru", "fla", "gro", "pla", "que", "lle");

    /** Paragraphs drawn per language and field for each batch, which items combine. */
    private static final int POOL = 1_000;

    /** What was generated. */
    public record Volume(String prefix, UUID folder, long items, long texts, long documents) {}

    /**
     * {@code count} words drawn from the array {@code vocabulary}, evaluated once per row (the
     * sub-query refers to {@code seed}, a column of the row; the aggregate's argument refers to the
     * series, or PostgreSQL would take it for an aggregate of the outer query).
     */
    private static String words(String vocabulary, String count, String seed) {
        return """
                (SELECT string_agg(CASE WHEN random() < 0.5 THEN %1$s[1 + floor(random() * cardinality(%1$s))::int + 0 * w.k]
                                      ELSE r.syllables[1 + floor(random() * 24)::int + 0 * w.k]
                                           || r.syllables[1 + floor(random() * 24)::int]
                                           || r.syllables[1 + floor(random() * 24)::int] END, ' ')
                   FROM generate_series(1, %2$s) AS w (k) WHERE %3$s IS NOT NULL)""".formatted(vocabulary, count, seed);
    }

    private final JdbcClient jdbc;

    CmsVolumeGenerator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The volume an earlier run generated in the caller's tenant, if one of at least {@code items}
     * items is there (a kept benchmark database measured again).
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Optional<Volume> existing(int items) {
        return jdbc.sql("""
                        SELECT f.id AS folder, v.prefix,
                               (SELECT count(*) FROM cms_item i WHERE i.slug LIKE v.prefix || '-%') AS items
                          FROM cms_folder f
                         CROSS JOIN LATERAL (SELECT substr(f.name, length('Volumen ') + 1) AS prefix) v
                         WHERE f.name LIKE 'Volumen vol%'
                         ORDER BY items DESC
                         LIMIT 1
                        """)
                .query((rs, i) ->
                        new Object[] {rs.getString("prefix"), rs.getObject("folder", UUID.class), rs.getLong("items")})
                .optional()
                .filter(found -> (long) found[2] >= items)
                .map(found -> volume((String) found[0], (UUID) found[1], (long) found[2]));
    }

    /** Generates {@code items} items (in batches of up to 10,000) in the caller's transaction and tenant. */
    @PreAuthorize("hasRole('SYSTEM')")
    public Volume generate(int items) {
        // Within this one transaction the planner still sees the tables as they were before it (their
        // statistics are refreshed afterwards): it would take the growing cms_item for a handful of rows
        // and join it row by row to each paragraph of the pool, slowing every batch more than the one
        // before (the third batch of 10,000 took over three minutes). Hash joins keep each batch linear.
        jdbc.sql("SET LOCAL enable_nestloop = off").update();
        String prefix = "vol" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        UUID folder = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO cms_folder (id, name, for_internal, for_clients) VALUES (:id, :name, true, true)
                """).param("id", folder).param("name", "Volumen " + prefix).update();
        int batch = 10_000;
        for (int from = 1; from <= items; from += batch) {
            long started = System.nanoTime();
            insertBatch(prefix, folder, from, Math.min(items, from + batch - 1));
            System.out.printf(Locale.ROOT, "batch from %d: %.1f s%n", from, (System.nanoTime() - started) / 1e9);
        }
        return volume(prefix, folder, items);
    }

    private Volume volume(String prefix, UUID folder, long items) {
        long texts = jdbc.sql("""
                        SELECT count(*) FROM cms_item_text t JOIN cms_item i ON i.id = t.item_id
                         WHERE i.slug LIKE :prefix || '-%'
                        """).param("prefix", prefix).query(Long.class).single();
        long documents = jdbc.sql("SELECT count(*) FROM cms_item WHERE folder_id = :folder")
                .param("folder", folder)
                .query(Long.class)
                .single();
        return new Volume(prefix, folder, items, texts, documents);
    }

    private void insertBatch(String prefix, UUID folder, int from, int to) {
        jdbc.sql("""
                INSERT INTO cms_item (id, kind, slug, folder_id, status, published_at, for_internal, for_clients,
                                      for_suppliers, for_professionals, for_public)
                SELECT gen_random_uuid(),
                       (ARRAY['DOCUMENT', 'NEWS', 'ARTICLE', 'PAGE', 'ARTICLE'])[1 + n %% 5],
                       :prefix || '-' || n,
                       CASE WHEN n %% 5 = 0 THEN CAST(:folder AS uuid) END,
                       CASE WHEN n %% 10 = 7 THEN 'DRAFT' ELSE 'PUBLISHED' END,
                       CASE WHEN n %% 10 = 7 THEN NULL ELSE now() - n * interval '1 minute' END,
                       n %% 7 <> 3, n %% 7 IN (1, 2, 5), n %% 7 IN (2, 4), n %% 7 IN (4, 6), n %% 7 IN (3, 5)
                  FROM generate_series(:from, :to) AS g (n)
                """.formatted())
                .param("prefix", prefix)
                .param("folder", folder)
                .param("from", from)
                .param("to", to)
                .update();
        // Texts come from a pool of POOL paragraphs per language and field, drawn once per batch, each
        // item combining pool entries picked by its number (and its title numbered): drawing every
        // word of 200,000 texts one by one took over a quarter of an hour, since a subscript of a text
        // array walks it from the start.
        jdbc.sql("""
                WITH pool AS MATERIALIZED (
                    SELECT l.lang, p.k,
                           initcap(%1$s) AS title, %2$s AS summary, %3$s AS body, %4$s AS file_text
                      FROM (VALUES ('es', string_to_array(:es, ' ')), ('en', string_to_array(:en, ' '))) AS l (lang, vocabulary)
                     CROSS JOIN (SELECT string_to_array(:syllables, ' ')) AS r (syllables)
                     CROSS JOIN generate_series(0, :pool - 1) AS p (k))
                INSERT INTO cms_item_text (item_id, lang, title, summary, body_md, body_html, file_text)
                SELECT i.id, t.lang, t.title || ' ' || i.n, s.summary, b.body || ' ' || c.body,
                       '<p>' || b.body || ' ' || c.body || '</p>',
                       CASE WHEN i.kind = 'DOCUMENT' THEN f.file_text END
                  FROM (SELECT id, kind, CAST(substr(slug, length(:prefix) + 2) AS bigint) AS n
                          FROM cms_item
                         WHERE slug LIKE :prefix || '-%%') AS i
                  JOIN pool t ON t.k = (i.n * 7919) %% :pool
                  JOIN pool s ON s.lang = t.lang AND s.k = (i.n * 104729) %% :pool
                  JOIN pool b ON b.lang = t.lang AND b.k = (i.n * 15485863) %% :pool
                  JOIN pool c ON c.lang = t.lang AND c.k = (i.n * 32452843 + 1) %% :pool
                  JOIN pool f ON f.lang = t.lang AND f.k = (i.n * 49979687 + 2) %% :pool
                 WHERE i.n BETWEEN :from AND :to
                """.formatted(
                                words("l.vocabulary", "4 + p.k % 4", "p.k"),
                                words("l.vocabulary", "12", "p.k"),
                                words("l.vocabulary", "30 + p.k % 31", "p.k"),
                                words("l.vocabulary", "250", "p.k")))
                .param("es", String.join(" ", SPANISH))
                .param("en", String.join(" ", ENGLISH))
                .param("syllables", String.join(" ", SYLLABLES))
                .param("pool", POOL)
                .param("prefix", prefix)
                .param("from", from)
                .param("to", to)
                .update();
    }
}

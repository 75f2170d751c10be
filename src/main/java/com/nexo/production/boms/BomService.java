package com.nexo.production.boms;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.work.WorkService;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills of materials, their versions and their lines. A version is edited as a DRAFT, made ACTIVE on
 * its dates (never overlapping another active version of the same article) and ARCHIVED when retired.
 * Every change of a bill's structure (its lines, its activation) takes one per-tenant advisory lock
 * and refuses a cycle (an article that would end up inside itself) with the path that closes it.
 */
@Service
public class BomService {

    /** The most articles a text search of the list looks at. */
    static final int SEARCH_ARTICLES = 500;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A quantity of numeric(14, 4) stays below this. */
    private static final BigDecimal QUANTITY_LIMIT = new BigDecimal("10000000000");

    /** Bill-structure edits of one tenant take turns, so two concurrent saves cannot close a cycle together. */
    private static final String STRUCTURE_LOCK = """
            SELECT pg_advisory_xact_lock(hashtextextended('production-bom-structure:' || nexo_tenant_id()::text, 0))
            """;

    private static final String LAST_REVISION = """
            SELECT id, revision FROM production_bom WHERE article_id = :article ORDER BY revision DESC LIMIT 1
            """;
    private static final String INSERT_BOM = """
            INSERT INTO production_bom (id, article_id, revision, status, valid_from, valid_to, work_centre_id, notes)
            VALUES (:id, :article, :revision, 'DRAFT', :from, :to, :centre, :notes)
            """;
    private static final String INSERT_LINES = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent,
                                             worker_id, notes)
            SELECT l.id, :bom, l.n, l.kind, l.article, l.quantity, l.scrap, l.worker, l.notes
              FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[]), CAST(:articles AS uuid[]),
                          CAST(:quantities AS numeric[]), CAST(:scraps AS numeric[]), CAST(:workers AS uuid[]),
                          CAST(:notes AS text[]))
                   WITH ORDINALITY AS l(id, kind, article, quantity, scrap, worker, notes, n)
            """;
    private static final String COPY_LINES = """
            INSERT INTO production_bom_line (id, bom_id, position, line_kind, article_id, quantity, scrap_percent,
                                             worker_id, notes)
            SELECT gen_random_uuid(), :bom, position, line_kind, article_id, quantity, scrap_percent, worker_id, notes
              FROM production_bom_line
             WHERE bom_id = :from
            """;
    private static final String LOCK_BOM = """
            SELECT id, article_id, revision, status, valid_from, valid_to, version
              FROM production_bom WHERE id = :id FOR UPDATE
            """;
    private static final String DELETE_LINES = """
            DELETE FROM production_bom_line WHERE bom_id = :bom
            """;
    private static final String BUMP = """
            UPDATE production_bom SET version = version + 1, updated_at = now() WHERE id = :id
            """;
    private static final String UPDATE_DRAFT = """
            UPDATE production_bom
               SET valid_from = :from, valid_to = :to, work_centre_id = :centre, notes = :notes,
                   version = version + 1, updated_at = now()
             WHERE id = :id
            """;
    private static final String SET_STATUS = """
            UPDATE production_bom SET status = :status, version = version + 1, updated_at = now() WHERE id = :id
            """;
    private static final String DELETE_BOM = """
            DELETE FROM production_bom WHERE id = :id
            """;
    private static final String KNOWN_WORKERS = """
            SELECT id FROM production_worker WHERE id = ANY(CAST(:ids AS uuid[]))
            """;
    private static final String OVERLAP = """
            SELECT revision
              FROM production_bom
             WHERE article_id = :article AND status = 'ACTIVE' AND id <> :id
               AND daterange(valid_from, valid_to, '[]') && daterange(CAST(:from AS date), CAST(:to AS date), '[]')
             ORDER BY revision
             LIMIT 1
            """;
    /**
     * A version activated from a date ends the active versions of the same article that began before
     * it and were still in force on that date: they end the day before (a newer revision supersedes
     * them). Versions that begin on or after that date still overlap, and are refused.
     */
    private static final String SUPERSEDE = """
            UPDATE production_bom
               SET valid_to = CAST(:from AS date) - 1, updated_at = now(), version = version + 1
             WHERE article_id = :article AND status = 'ACTIVE' AND id <> :id
               AND valid_from < CAST(:from AS date) AND (valid_to IS NULL OR valid_to >= CAST(:from AS date))
            """;

    private static final String MATERIALS_OF = """
            SELECT DISTINCT article_id FROM production_bom_line WHERE bom_id = :bom AND line_kind = 'MATERIAL'
            """;
    /**
     * The shortest way from one of the new components back to the bill's own article, through the
     * material lines of every bill that is not archived (this bill's stored lines excepted: they are
     * being replaced). The path array stops any other loop, so the walk always ends.
     */
    private static final String CYCLE = """
            WITH RECURSIVE walk(article_id, path) AS (
                SELECT c, ARRAY[CAST(:top AS uuid), c]
                  FROM unnest(CAST(:components AS uuid[])) AS c
                UNION
                SELECT l.article_id, w.path || l.article_id
                  FROM walk w
                  JOIN production_bom b ON b.article_id = w.article_id AND b.status <> 'ARCHIVED' AND b.id <> :bom
                  JOIN production_bom_line l ON l.bom_id = b.id AND l.line_kind = 'MATERIAL'
                 WHERE w.article_id <> :top
                   AND (l.article_id = :top OR NOT l.article_id = ANY(w.path))
            )
            SELECT path FROM walk WHERE article_id = :top ORDER BY cardinality(path) LIMIT 1
            """;

    private static final String HEADER = """
            SELECT b.id, b.article_id, b.revision, b.status, b.valid_from, b.valid_to, b.work_centre_id,
                   c.name AS centre_name, b.notes, b.version
              FROM production_bom b
              LEFT JOIN production_work_centre c ON c.id = b.work_centre_id
             WHERE b.id = :id
            """;
    private static final String DETAIL_LINES = """
            SELECT l.id, l.position, l.line_kind, l.article_id, l.quantity, l.scrap_percent, l.worker_id,
                   w.name AS worker_name, l.notes
              FROM production_bom_line l
              LEFT JOIN production_worker w ON w.id = l.worker_id
             WHERE l.bom_id = :id
             ORDER BY l.position
            """;
    private static final String VERSIONS = """
            SELECT b.id, b.revision, b.status, b.valid_from, b.valid_to, b.version,
                   (SELECT count(*) FROM production_bom_line l WHERE l.bom_id = b.id) AS lines
              FROM production_bom b
             WHERE b.article_id = :article
             ORDER BY b.revision DESC
            """;
    private static final String LIST = """
            SELECT b.id, b.article_id, b.revision, b.status, b.valid_from, b.valid_to, b.created_at,
                   (SELECT count(*) FROM production_bom_line l WHERE l.bom_id = b.id) AS lines,
                   sc.unit_cost
              FROM production_bom b
              LEFT JOIN production_standard_cost sc ON sc.article_id = b.article_id AND sc.bom_id = b.id
             WHERE (NOT CAST(:filtered AS boolean) OR b.article_id = ANY(CAST(:articles AS uuid[])))
               AND (CAST(:afterAt AS timestamptz) IS NULL
                    OR (b.created_at, b.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
             ORDER BY b.created_at DESC, b.id DESC
             LIMIT :limit
            """;
    private static final String WORKERS = """
            SELECT id, name, hourly_rate FROM production_worker WHERE active ORDER BY name, id
            """;

    private final JdbcClient jdbc;
    private final ArticleDirectory articles;
    private final WorkService work;

    BomService(JdbcClient jdbc, ArticleDirectory articles, WorkService work) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.work = work;
    }

    /** A new DRAFT version of the article's bill (revision = last + 1, lines copied from the latest version). */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public UUID createVersion(BomForm form) {
        if (form == null || form.articleId() == null) {
            throw ProductionRuleException.onField("articleId", "production.boms.error.article-required");
        }
        if (form.validFrom() == null) {
            throw ProductionRuleException.onField("validFrom", "production.boms.error.valid-from-required");
        }
        if (form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            throw ProductionRuleException.onField("validTo", "production.boms.error.dates");
        }
        ArticleSummary article = articles.summaries(List.of(form.articleId())).get(form.articleId());
        if (article == null) {
            throw ProductionRuleException.onField("articleId", "production.boms.error.article-unknown");
        }
        if (article.archived()) {
            throw ProductionRuleException.onField(
                    "articleId", "production.boms.error.article-archived", article.code());
        }
        if (articles.services(List.of(form.articleId())).contains(form.articleId())) {
            throw ProductionRuleException.onField("articleId", "production.boms.error.article-service", article.code());
        }
        lockStructure();
        Optional<Map.Entry<UUID, Integer>> latest = jdbc.sql(LAST_REVISION)
                .param("article", form.articleId())
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getInt("revision")))
                .optional();
        UUID id = Ids.newId();
        jdbc.sql(INSERT_BOM)
                .param("id", id)
                .param("article", form.articleId())
                .param("revision", latest.map(Map.Entry::getValue).orElse(0) + 1)
                .param("from", form.validFrom())
                .param("to", form.validTo())
                .param("centre", form.workCentreId())
                .param("notes", clean(form.notes()))
                .update();
        latest.ifPresent(previous -> jdbc.sql(COPY_LINES)
                .param("bom", id)
                .param("from", previous.getKey())
                .update());
        return id;
    }

    /** Replaces the lines of a DRAFT version; refuses a cycle. Returns the new version number of the bill row. */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public long saveLines(UUID bomId, long version, List<BomLineForm> lines) {
        List<BomLineForm> given = lines == null ? List.of() : lines;
        lockStructure();
        Header bom = lockDraft(bomId, version);
        validateLines(bom, given);
        refuseCycle(
                bom,
                given.stream()
                        .filter(line -> line.kind() == LineKind.MATERIAL)
                        .map(BomLineForm::articleId)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
        jdbc.sql(DELETE_LINES).param("bom", bomId).update();
        if (!given.isEmpty()) {
            int n = given.size();
            UUID[] ids = new UUID[n];
            String[] kinds = new String[n];
            UUID[] articleIds = new UUID[n];
            BigDecimal[] quantities = new BigDecimal[n];
            BigDecimal[] scraps = new BigDecimal[n];
            UUID[] workers = new UUID[n];
            String[] notes = new String[n];
            for (int i = 0; i < n; i++) {
                BomLineForm line = given.get(i);
                ids[i] = Ids.newId();
                kinds[i] = line.kind().name();
                articleIds[i] = line.articleId();
                quantities[i] = line.quantity();
                scraps[i] = line.scrapPercent() == null ? BigDecimal.ZERO : line.scrapPercent();
                workers[i] = line.kind() == LineKind.SERVICE ? line.workerId() : null;
                notes[i] = clean(line.notes());
            }
            jdbc.sql(INSERT_LINES)
                    .param("bom", bomId)
                    .param("ids", ids)
                    .param("kinds", kinds)
                    .param("articles", articleIds)
                    .param("quantities", quantities)
                    .param("scraps", scraps)
                    .param("workers", workers)
                    .param("notes", notes)
                    .update();
        }
        jdbc.sql(BUMP).param("id", bomId).update();
        return bom.version() + 1;
    }

    /**
     * Changes a DRAFT version's validity, default work centre and notes (the article stays). Returns the
     * bill row's new version.
     */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public long updateDraft(UUID bomId, long version, BomForm form) {
        Header bom = lockDraft(bomId, version);
        if (form == null || form.validFrom() == null) {
            throw ProductionRuleException.onField("validFrom", "production.boms.error.valid-from-required");
        }
        if (form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            throw ProductionRuleException.onField("validTo", "production.boms.error.dates");
        }
        if (form.workCentreId() != null && !work.workCentre(form.workCentreId()).active()) {
            throw ProductionRuleException.onField("workCentreId", "production.boms.error.work-centre");
        }
        jdbc.sql(UPDATE_DRAFT)
                .param("from", form.validFrom())
                .param("to", form.validTo(), java.sql.Types.DATE)
                .param("centre", form.workCentreId(), java.sql.Types.OTHER)
                .param("notes", clean(form.notes()), java.sql.Types.VARCHAR)
                .param("id", bomId)
                .update();
        return bom.version() + 1;
    }

    /**
     * DRAFT -> ACTIVE: the bill is in force from valid_from, and the active versions that began before
     * it end the day before; a version beginning on or after that date still overlaps and is refused.
     */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public void activate(UUID bomId, long version) {
        lockStructure();
        Header bom = lockDraft(bomId, version);
        List<UUID> materials = jdbc.sql(MATERIALS_OF)
                .param("bom", bomId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        if (jdbc.sql(DETAIL_LINES).param("id", bomId).query((rs, n) -> 1).list().isEmpty()) {
            throw new ProductionRuleException("production.boms.error.no-lines");
        }
        refuseCycle(bom, new LinkedHashSet<>(materials));
        jdbc.sql(SUPERSEDE)
                .param("article", bom.articleId())
                .param("id", bomId)
                .param("from", bom.validFrom())
                .update();
        jdbc.sql(OVERLAP)
                .param("article", bom.articleId())
                .param("id", bomId)
                .param("from", bom.validFrom())
                .param("to", bom.validTo())
                .query((rs, n) -> rs.getInt(1))
                .optional()
                .ifPresent(revision -> {
                    throw new ProductionRuleException("production.boms.error.overlap", revision);
                });
        jdbc.sql(SET_STATUS)
                .param("status", BomStatus.ACTIVE.name())
                .param("id", bomId)
                .update();
    }

    /** DRAFT or ACTIVE -> ARCHIVED: the version is no longer exploded, released or costed. */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public void archive(UUID bomId, long version) {
        Header bom = lock(bomId, version);
        if (bom.status() == BomStatus.ARCHIVED) {
            throw new ProductionRuleException("production.boms.error.already-archived");
        }
        jdbc.sql(SET_STATUS)
                .param("status", BomStatus.ARCHIVED.name())
                .param("id", bomId)
                .update();
    }

    /** Deletes a DRAFT version with its lines. */
    @Transactional
    @RolesAllowed({ProductionPermissions.EDIT, Roles.SYSTEM})
    public void deleteDraft(UUID bomId, long version) {
        lockDraft(bomId, version);
        jdbc.sql(DELETE_BOM).param("id", bomId).update();
    }

    /** A version with its header and lines (article codes, names, units and costs, worker names). */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Optional<BomDetails> details(UUID bomId) {
        if (bomId == null) {
            return Optional.empty();
        }
        Optional<HeaderRow> header =
                jdbc.sql(HEADER).param("id", bomId).query(BomService::headerRow).optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<LineRow> lines = jdbc.sql(DETAIL_LINES)
                .param("id", bomId)
                .query(BomService::lineRow)
                .list();
        Set<UUID> ids = new HashSet<>();
        ids.add(header.get().articleId());
        lines.forEach(line -> ids.add(line.articleId()));
        Map<UUID, ArticleSummary> found = articles.summaries(ids);
        HeaderRow head = header.get();
        ArticleSummary made = found.get(head.articleId());
        List<BomLineDetails> details = lines.stream()
                .map(line -> {
                    ArticleSummary article = found.get(line.articleId());
                    return new BomLineDetails(
                            line.id(),
                            line.position(),
                            line.kind(),
                            line.articleId(),
                            article == null ? "?" : article.code(),
                            article == null ? "?" : article.nameEs(),
                            article == null ? "?" : article.nameEn(),
                            article == null ? "" : article.unitCode(),
                            article == null ? BigDecimal.ZERO : article.cost(),
                            line.quantity(),
                            line.scrapPercent(),
                            line.workerId(),
                            line.workerName(),
                            line.notes());
                })
                .toList();
        return Optional.of(new BomDetails(
                head.id(),
                head.articleId(),
                made == null ? "?" : made.code(),
                made == null ? "?" : made.nameEs(),
                made == null ? "?" : made.nameEn(),
                made == null ? "" : made.unitCode(),
                head.revision(),
                head.status(),
                head.validFrom(),
                head.validTo(),
                head.workCentreId(),
                head.workCentreName(),
                head.notes(),
                head.version(),
                details));
    }

    /** The versions of an article's bill, newest revision first. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<BomVersion> versionsOf(UUID articleId) {
        if (articleId == null) {
            return List.of();
        }
        return jdbc.sql(VERSIONS)
                .param("article", articleId)
                .query((rs, n) -> new BomVersion(
                        rs.getObject("id", UUID.class),
                        rs.getInt("revision"),
                        BomStatus.valueOf(rs.getString("status")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getInt("lines"),
                        rs.getLong("version")))
                .list();
    }

    /**
     * One page of the bills, newest first, after {@code after} (null: from the start). A non-blank
     * {@code text} keeps the bills of the articles the articles' own search finds for it (code,
     * barcode, words of the name).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Page<BomListRow> page(String text, PageCursor after, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        boolean filtered = text != null && !text.isBlank();
        UUID[] matching = new UUID[0];
        if (filtered) {
            matching = articles.lookUp(text.strip(), SEARCH_ARTICLES).stream()
                    .map(ArticleSummary::id)
                    .toArray(UUID[]::new);
            if (matching.length == 0) {
                return Page.empty();
            }
        }
        OffsetDateTime afterAt = null;
        UUID afterId = null;
        if (after != null && after.id() != null && after.sortValue() != null) {
            try {
                afterAt = Instant.parse(after.sortValue()).atOffset(ZoneOffset.UTC);
                afterId = after.id();
            } catch (DateTimeParseException e) {
                afterAt = null;
            }
        }
        List<ListRow> rows = jdbc.sql(LIST)
                .param("filtered", filtered)
                .param("articles", matching)
                .param("afterAt", afterAt)
                .param("afterId", afterId)
                .param("limit", size + 1)
                .query((rs, n) -> new ListRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("article_id", UUID.class),
                        rs.getInt("revision"),
                        BomStatus.valueOf(rs.getString("status")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("lines"),
                        rs.getBigDecimal("unit_cost")))
                .list();
        boolean more = rows.size() > size;
        List<ListRow> shown = more ? rows.subList(0, size) : rows;
        Map<UUID, ArticleSummary> found =
                articles.summaries(shown.stream().map(ListRow::articleId).toList());
        List<BomListRow> result = shown.stream()
                .map(row -> {
                    ArticleSummary article = found.get(row.articleId());
                    return new BomListRow(
                            row.id(),
                            row.articleId(),
                            article == null ? "?" : article.code(),
                            article == null ? "?" : article.nameEs(),
                            article == null ? "?" : article.nameEn(),
                            row.revision(),
                            row.status(),
                            row.validFrom(),
                            row.validTo(),
                            row.lines(),
                            row.standardCost(),
                            row.createdAt());
                })
                .toList();
        PageCursor next = null;
        if (more) {
            ListRow last = shown.getLast();
            next = new PageCursor(last.createdAt().toString(), last.id());
        }
        return new Page<>(result, next);
    }

    /** The active workers a service line may name, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<WorkerChoice> workers() {
        return jdbc.sql(WORKERS)
                .query((rs, n) -> new WorkerChoice(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getBigDecimal("hourly_rate")))
                .list();
    }

    private void lockStructure() {
        jdbc.sql(STRUCTURE_LOCK).query((rs, n) -> 1).list();
    }

    private Header lock(UUID bomId, long version) {
        Header bom = jdbc.sql(LOCK_BOM)
                .param("id", bomId)
                .query((rs, n) -> new Header(
                        rs.getObject("id", UUID.class),
                        rs.getObject("article_id", UUID.class),
                        rs.getInt("revision"),
                        BomStatus.valueOf(rs.getString("status")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getLong("version")))
                .optional()
                .orElseThrow(() -> new ProductionRuleException("production.boms.error.not-found"));
        if (bom.version() != version) {
            throw new ProductionRuleException("production.boms.error.changed-meanwhile");
        }
        return bom;
    }

    private Header lockDraft(UUID bomId, long version) {
        Header bom = lock(bomId, version);
        if (bom.status() != BomStatus.DRAFT) {
            throw new ProductionRuleException("production.boms.error.not-draft", bom.revision());
        }
        return bom;
    }

    private void validateLines(Header bom, List<BomLineForm> lines) {
        Set<UUID> ids = new HashSet<>();
        Set<UUID> workers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            BomLineForm line = lines.get(i);
            int position = i + 1;
            if (line == null || line.kind() == null) {
                throw new ProductionRuleException("production.boms.error.line-kind-required", position);
            }
            if (line.articleId() == null) {
                throw new ProductionRuleException("production.boms.error.line-article-required", position);
            }
            if (line.quantity() == null
                    || line.quantity().signum() <= 0
                    || line.quantity().compareTo(QUANTITY_LIMIT) >= 0) {
                throw new ProductionRuleException("production.boms.error.line-quantity", position);
            }
            BigDecimal scrap = line.scrapPercent() == null ? BigDecimal.ZERO : line.scrapPercent();
            if (scrap.signum() < 0 || scrap.compareTo(HUNDRED) >= 0) {
                throw new ProductionRuleException("production.boms.error.line-scrap", position);
            }
            if (line.kind() == LineKind.SERVICE && scrap.signum() != 0) {
                throw new ProductionRuleException("production.boms.error.service-scrap", position);
            }
            if (line.articleId().equals(bom.articleId())) {
                throw new ProductionRuleException("production.boms.error.contains-itself", position);
            }
            ids.add(line.articleId());
            if (line.kind() == LineKind.SERVICE && line.workerId() != null) {
                workers.add(line.workerId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, ArticleSummary> found = articles.summaries(ids);
        Set<UUID> services = articles.services(ids);
        for (int i = 0; i < lines.size(); i++) {
            BomLineForm line = lines.get(i);
            int position = i + 1;
            ArticleSummary article = found.get(line.articleId());
            if (article == null) {
                throw new ProductionRuleException("production.boms.error.line-article-unknown", position);
            }
            boolean service = services.contains(line.articleId());
            if (line.kind() == LineKind.SERVICE && !service) {
                throw new ProductionRuleException(
                        "production.boms.error.service-not-service", position, article.code());
            }
            if (line.kind() == LineKind.MATERIAL && service) {
                throw new ProductionRuleException(
                        "production.boms.error.material-is-service", position, article.code());
            }
        }
        if (!workers.isEmpty()) {
            Set<UUID> known = new HashSet<>(jdbc.sql(KNOWN_WORKERS)
                    .param("ids", workers.toArray(UUID[]::new))
                    .query((rs, n) -> rs.getObject(1, UUID.class))
                    .list());
            if (!known.containsAll(workers)) {
                throw new ProductionRuleException("production.boms.error.worker-unknown");
            }
        }
    }

    /** Refuses these components when the bill's own article can be reached from one of them. */
    private void refuseCycle(Header bom, Collection<UUID> components) {
        if (components.isEmpty()) {
            return;
        }
        Optional<List<UUID>> path = jdbc.sql(CYCLE)
                .param("top", bom.articleId())
                .param("bom", bom.id())
                .param("components", components.toArray(UUID[]::new))
                .query((rs, n) -> uuids(rs.getArray("path")))
                .optional();
        if (path.isPresent()) {
            Map<UUID, ArticleSummary> found = articles.summaries(path.get());
            String shown = path.get().stream()
                    .map(id -> Optional.ofNullable(found.get(id))
                            .map(ArticleSummary::code)
                            .orElse("?"))
                    .collect(Collectors.joining(" → "));
            throw new ProductionRuleException("production.boms.error.cycle", shown);
        }
    }

    /** "A → B → A": the codes of a cycle's path, for tests and messages. */
    private static List<UUID> uuids(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        List<UUID> ids = new ArrayList<>(values.length);
        for (Object value : values) {
            ids.add(value instanceof UUID id ? id : UUID.fromString(Objects.toString(value)));
        }
        return ids;
    }

    private static HeaderRow headerRow(ResultSet rs, int n) throws SQLException {
        return new HeaderRow(
                rs.getObject("id", UUID.class),
                rs.getObject("article_id", UUID.class),
                rs.getInt("revision"),
                BomStatus.valueOf(rs.getString("status")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getObject("work_centre_id", UUID.class),
                rs.getString("centre_name"),
                rs.getString("notes"),
                rs.getLong("version"));
    }

    private static LineRow lineRow(ResultSet rs, int n) throws SQLException {
        return new LineRow(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                LineKind.valueOf(rs.getString("line_kind")),
                rs.getObject("article_id", UUID.class),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("scrap_percent"),
                rs.getObject("worker_id", UUID.class),
                rs.getString("worker_name"),
                rs.getString("notes"));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Header(
            UUID id,
            UUID articleId,
            int revision,
            BomStatus status,
            LocalDate validFrom,
            LocalDate validTo,
            long version) {}

    private record HeaderRow(
            UUID id,
            UUID articleId,
            int revision,
            BomStatus status,
            LocalDate validFrom,
            LocalDate validTo,
            UUID workCentreId,
            String workCentreName,
            String notes,
            long version) {}

    private record LineRow(
            UUID id,
            int position,
            LineKind kind,
            UUID articleId,
            BigDecimal quantity,
            BigDecimal scrapPercent,
            UUID workerId,
            String workerName,
            String notes) {}

    private record ListRow(
            UUID id,
            UUID articleId,
            int revision,
            BomStatus status,
            LocalDate validFrom,
            LocalDate validTo,
            Instant createdAt,
            int lines,
            BigDecimal standardCost) {}
}

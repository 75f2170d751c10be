package com.nexo.production.orders;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.articles.stock.ReservationRequest;
import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.ReservedQuantity;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockValuation;
import com.nexo.base.Ids;
import com.nexo.base.numbering.DocumentNumber;
import com.nexo.base.numbering.DocumentNumbers;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.boms.BomLineRow;
import com.nexo.production.boms.Boms;
import com.nexo.production.boms.LineKind;
import com.nexo.production.boms.Scrap;
import com.nexo.production.boms.StandardCost;
import com.nexo.production.orders.OrderEntry.EntryKind;
import com.nexo.production.work.WorkService;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production orders and their flow: create a draft for the bill in force, release it (numbered, its
 * inputs reserved as far as stock allows, child orders for the sub-assemblies that are missing, the
 * standard cost kept), record consumption, output and scrap on the shop floor, complete, close with
 * actual against standard, or cancel. Every step locks the order's row first, so two people working
 * on one order take turns; every stock movement names the order (source type {@value #SOURCE}, the
 * order's number) and is written down as an entry of the order.
 */
@Service
public class ProductionOrderService {

    /** The source type of every stock movement and reservation of an order. */
    public static final String SOURCE = "production-order";

    /** The numbering series of production orders: OF2026-000001. */
    public static final String SERIES = "OF";

    static final String HEAD = """
            SELECT id, number, status, article_id, bom_id, quantity, produced_quantity, scrapped_quantity, due_date,
                   warehouse_id, parent_id, standard_unit_cost, standard_material_cost, standard_service_cost,
                   actual_material_cost, actual_service_cost, cancel_reason, notes, created_at, version
              FROM production_order
            """;

    /** An order made where it is asked for, else at its bill's default work centre. */
    private static final String INSERT_ORDER = """
            INSERT INTO production_order (id, article_id, bom_id, quantity, due_date, warehouse_id, work_centre_id,
                                          notes, parent_id, parent_material_id)
            VALUES (:id, :article, :bom, :quantity, :due, :warehouse,
                    coalesce(CAST(:centre AS uuid), (SELECT b.work_centre_id FROM production_bom b WHERE b.id = :bom)),
                    :notes, :parent, :parentMaterial)
            """;

    private static final String INSERT_MATERIALS = """
            INSERT INTO production_order_material (id, order_id, position, bom_line_id, article_id, required_quantity,
                                                   reserved_quantity, reservation_id, unit_cost)
            SELECT m.id, :order, m.position, m.line, m.article, m.required, m.reserved, m.reservation, m.cost
              FROM unnest(CAST(:ids AS uuid[]), CAST(:positions AS integer[]), CAST(:lines AS uuid[]),
                          CAST(:articles AS uuid[]), CAST(:required AS numeric[]), CAST(:reserved AS numeric[]),
                          CAST(:reservations AS uuid[]), CAST(:costs AS numeric[]))
                   AS m(id, position, line, article, required, reserved, reservation, cost)
            """;

    private static final String INSERT_TASKS = """
            INSERT INTO production_order_task (id, order_id, position, bom_line_id, article_id, planned_hours, worker_id,
                                               professional_id, standard_rate)
            SELECT t.id, :order, t.position, t.line, t.article, t.hours, t.worker, t.professional, t.rate
              FROM unnest(CAST(:ids AS uuid[]), CAST(:positions AS integer[]), CAST(:lines AS uuid[]),
                          CAST(:articles AS uuid[]), CAST(:hours AS numeric[]), CAST(:workers AS uuid[]),
                          CAST(:professionals AS uuid[]), CAST(:rates AS numeric[]))
                   AS t(id, position, line, article, hours, worker, professional, rate)
            """;

    private static final String MATERIALS_FOR_UPDATE = """
            SELECT id, article_id, required_quantity, reserved_quantity, consumed_quantity, reservation_id
              FROM production_order_material
             WHERE order_id = :order
             ORDER BY position
               FOR UPDATE
            """;

    private static final String INSERT_ENTRY = """
            INSERT INTO production_order_entry (id, order_id, kind, article_id, material_id, quantity, unit_cost, reason,
                                                movement_id)
            VALUES (:id, :order, :kind, :article, :material, :quantity, :cost, :reason, :movement)
            """;

    private final JdbcClient jdbc;
    private final WorkService work;
    private final Boms boms;
    private final ArticleDirectory directory;
    private final ReservationService reservations;
    private final StockService stock;
    private final StockValuation valuation;
    private final DocumentNumbers numbers;
    private final Clock clock;

    ProductionOrderService(
            JdbcClient jdbc,
            Boms boms,
            ArticleDirectory directory,
            ReservationService reservations,
            StockService stock,
            StockValuation valuation,
            DocumentNumbers numbers,
            WorkService work,
            Clock clock) {
        this.jdbc = jdbc;
        this.work = work;
        this.boms = boms;
        this.directory = directory;
        this.reservations = reservations;
        this.stock = stock;
        this.valuation = valuation;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** A DRAFT order for the article's bill in force today; refuses an article without one. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RELEASE, Roles.SYSTEM})
    public UUID create(OrderForm form) {
        if (form == null || form.articleId() == null) {
            throw ProductionRuleException.onField("articleId", "production.orders.error.article-required");
        }
        BigDecimal quantity = quantity(form.quantity());
        if (quantity == null || quantity.signum() <= 0) {
            throw ProductionRuleException.onField("quantity", "production.orders.error.quantity-positive");
        }
        if (form.dueDate() == null) {
            throw ProductionRuleException.onField("dueDate", "production.orders.error.due-required");
        }
        if (form.warehouseId() == null
                || directory.activeWarehouses().stream()
                        .map(WarehouseSummary::id)
                        .noneMatch(form.warehouseId()::equals)) {
            throw ProductionRuleException.onField("warehouseId", "production.orders.error.warehouse-inactive");
        }
        UUID bomId = boms.effectiveBoms(List.of(form.articleId()), LocalDate.now(clock))
                .get(form.articleId());
        if (bomId == null) {
            throw ProductionRuleException.onField("articleId", "production.orders.error.no-bill");
        }
        if (form.workCentreId() != null && !work.workCentre(form.workCentreId()).active()) {
            throw ProductionRuleException.onField("workCentreId", "production.orders.error.work-centre");
        }
        String notes = form.notes() == null || form.notes().isBlank()
                ? null
                : form.notes().strip();
        return insertOrder(
                form.articleId(),
                bomId,
                quantity,
                form.dueDate(),
                form.warehouseId(),
                form.workCentreId(),
                notes,
                null,
                null);
    }

    /** DRAFT -> RELEASED: numbered, inputs reserved (as much as is available), child orders for missing sub-assemblies. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RELEASE, Roles.SYSTEM})
    public ReleaseResult release(UUID orderId, long version) {
        OrderHeader head = lock(orderId);
        requireVersion(head, version);
        requireStatus(head, OrderStatus.DRAFT);
        return releaseLocked(head);
    }

    /** RELEASED -> IN_PROGRESS (nothing when already in progress). */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void start(UUID orderId) {
        OrderHeader head = lock(orderId);
        requireWorkable(head);
        markInProgress(head);
    }

    /** What the bill says to consume for {@code made} units, per material line (not more than still to consume). */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<MaterialUse> proposedConsumption(UUID orderId, BigDecimal made) {
        OrderHeader head = read(orderId);
        if (made == null || made.signum() <= 0) {
            return List.of();
        }
        return proposed(head, made);
    }

    /** Issues these quantities from stock for the order (from its reservations first). */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void consume(UUID orderId, List<MaterialUse> uses) {
        OrderHeader head = lock(orderId);
        requireWorkable(head);
        consumeLocked(head, uses, EntryKind.CONSUMPTION, null);
        markInProgress(head);
    }

    /** Receives {@code quantity} made into the order's warehouse at standard cost; with {@code consumeProposed} also consumes what the bill says for it. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void produce(UUID orderId, BigDecimal quantity, boolean consumeProposed) {
        OrderHeader head = lock(orderId);
        requireWorkable(head);
        BigDecimal made = positive(quantity);
        if (made.compareTo(head.remaining()) > 0) {
            throw ProductionRuleException.onField(
                    "quantity",
                    "production.orders.error.more-than-ordered",
                    head.remaining().stripTrailingZeros().toPlainString());
        }
        if (consumeProposed) {
            consumeLocked(head, proposed(head, made), EntryKind.CONSUMPTION, null);
        }
        BigDecimal unitCost = head.standardUnitCost() == null ? BigDecimal.ZERO : head.standardUnitCost();
        UUID movement = valuation
                .receiveAtCost(
                        new StockEntry(
                                head.articleId(),
                                head.warehouseId(),
                                null,
                                made,
                                null,
                                null,
                                null,
                                SOURCE,
                                head.number()),
                        unitCost.setScale(4, RoundingMode.HALF_UP))
                .movementId();
        entry(head, EntryKind.OUTPUT, head.articleId(), null, made, unitCost, null, movement);
        jdbc.sql("UPDATE production_order SET produced_quantity = produced_quantity + :q WHERE id = :id")
                .param("q", made)
                .param("id", head.id())
                .update();
        markInProgress(head);
    }

    /** Scraps {@code quantity} of a material (issued from stock) or, when {@code materialId} is null, of the output; a reason is required. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void scrap(UUID orderId, UUID materialId, BigDecimal quantity, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProductionRuleException.onField("reason", "production.orders.error.reason-required");
        }
        BigDecimal lost = positive(quantity);
        OrderHeader head = lock(orderId);
        requireWorkable(head);
        if (materialId != null) {
            consumeLocked(head, List.of(new MaterialUse(materialId, lost)), EntryKind.SCRAP, reason.strip());
        } else {
            entry(head, EntryKind.SCRAP, head.articleId(), null, lost, head.standardUnitCost(), reason.strip(), null);
            jdbc.sql("UPDATE production_order SET scrapped_quantity = scrapped_quantity + :q WHERE id = :id")
                    .param("q", lost)
                    .param("id", head.id())
                    .update();
        }
        markInProgress(head);
    }

    /** IN_PROGRESS (or RELEASED) -> COMPLETED: what is still reserved goes back to available. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void complete(UUID orderId) {
        OrderHeader head = lock(orderId);
        requireWorkable(head);
        releaseReservations(head.id());
        jdbc.sql("""
                        UPDATE production_order
                           SET status = 'COMPLETED', completed_at = now(), started_at = coalesce(started_at, now()),
                               updated_at = now(), version = version + 1
                         WHERE id = :id
                        """).param("id", head.id()).update();
    }

    /**
     * COMPLETED -> CLOSED: the service cost becomes the sum of what the order's tasks cost, and the
     * costs are final. Returns actual against standard for what was produced.
     */
    @Transactional
    @RolesAllowed({ProductionPermissions.CLOSE, Roles.SYSTEM})
    public CostComparison close(UUID orderId, long version) {
        OrderHeader head = lock(orderId);
        requireVersion(head, version);
        requireStatus(head, OrderStatus.COMPLETED);
        BigDecimal service = jdbc.sql(
                        "SELECT coalesce(sum(actual_cost), 0) FROM production_order_task WHERE order_id = :id")
                .param("id", head.id())
                .query(BigDecimal.class)
                .single();
        jdbc.sql("""
                        UPDATE production_order
                           SET status = 'CLOSED', actual_service_cost = :service, closed_at = now(),
                               closed_by = nexo_user_id(), updated_at = now(), version = version + 1
                         WHERE id = :id
                        """).param("service", service).param("id", head.id()).update();
        return CostComparison.of(
                head.producedQuantity(),
                head.standardMaterialCost(),
                head.standardServiceCost(),
                head.actualMaterialCost(),
                service);
    }

    /**
     * DRAFT or RELEASED -> CANCELLED with a reason: its reservations are released and its child
     * orders that have not started are cancelled too.
     */
    @Transactional
    @RolesAllowed({ProductionPermissions.CANCEL, Roles.SYSTEM})
    public void cancel(UUID orderId, long version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProductionRuleException.onField("reason", "production.orders.error.reason-required");
        }
        OrderHeader head = lock(orderId);
        requireVersion(head, version);
        if (head.status() != OrderStatus.DRAFT && head.status() != OrderStatus.RELEASED) {
            throw wrongState(head);
        }
        cancelLocked(head.id(), reason.strip());
    }

    // ---------------------------------------------------------------------------------------------

    private UUID insertOrder(
            UUID articleId,
            UUID bomId,
            BigDecimal quantity,
            LocalDate due,
            UUID warehouseId,
            UUID workCentreId,
            String notes,
            UUID parentId,
            UUID parentMaterialId) {
        UUID id = Ids.newId();
        jdbc.sql(INSERT_ORDER)
                .param("id", id)
                .param("article", articleId)
                .param("bom", bomId)
                .param("quantity", quantity)
                .param("due", due)
                .param("warehouse", warehouseId)
                .param("centre", workCentreId, Types.OTHER)
                .param("notes", notes, Types.VARCHAR)
                .param("parent", parentId, Types.OTHER)
                .param("parentMaterial", parentMaterialId, Types.OTHER)
                .update();
        return id;
    }

    /** A worker as the release costs its time. */
    private record Worker(UUID id, boolean professional, UUID professionalId, BigDecimal hourlyRate) {}

    private ReleaseResult releaseLocked(OrderHeader head) {
        LocalDate today = LocalDate.now(clock);
        DocumentNumber number = numbers.next(SERIES, today.getYear());
        List<BomLineRow> lines = boms.linesOf(List.of(head.bomId()));
        List<BomLineRow> materialLines =
                lines.stream().filter(line -> line.kind() == LineKind.MATERIAL).toList();
        List<BomLineRow> serviceLines =
                lines.stream().filter(line -> line.kind() == LineKind.SERVICE).toList();
        Set<UUID> articleIds = new HashSet<>();
        lines.forEach(line -> articleIds.add(line.articleId()));
        articleIds.add(head.articleId());
        Map<UUID, ArticleSummary> articles = directory.summaries(articleIds);
        List<UUID> materialArticles =
                materialLines.stream().map(BomLineRow::articleId).distinct().toList();
        Map<UUID, UUID> subBoms = boms.effectiveBoms(materialArticles, today);
        List<UUID> costed = new ArrayList<>(materialArticles);
        costed.add(head.articleId());
        Map<UUID, StandardCost> standard = boms.standardCosts(costed);
        Map<UUID, Worker> workers = workers(serviceLines.stream()
                .map(BomLineRow::workerId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toArray(UUID[]::new));

        int n = materialLines.size();
        UUID[] ids = new UUID[n];
        Integer[] positions = new Integer[n];
        UUID[] lineIds = new UUID[n];
        UUID[] materialArticleIds = new UUID[n];
        BigDecimal[] required = new BigDecimal[n];
        BigDecimal[] reserved = new BigDecimal[n];
        UUID[] reservationIds = new UUID[n];
        BigDecimal[] unitCosts = new BigDecimal[n];
        List<ReservationRequest> requests = new ArrayList<>();
        List<Integer> requested = new ArrayList<>();
        BigDecimal materialPerUnit = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BomLineRow line = materialLines.get(i);
            ids[i] = Ids.newId();
            positions[i] = line.position();
            lineIds[i] = line.id();
            materialArticleIds[i] = line.articleId();
            required[i] = line.required(head.quantity());
            reserved[i] = BigDecimal.ZERO;
            StandardCost sub = standard.get(line.articleId());
            ArticleSummary article = articles.get(line.articleId());
            BigDecimal cost = sub != null
                    ? sub.unitCost()
                    : article == null || article.cost() == null ? BigDecimal.ZERO : article.cost();
            unitCosts[i] = cost.setScale(6, RoundingMode.HALF_UP);
            materialPerUnit = materialPerUnit.add(
                    Scrap.gross(line.quantity(), line.scrapPercent()).multiply(cost));
            if (article != null && article.stockTracked()) {
                requests.add(new ReservationRequest(
                        line.articleId(), head.warehouseId(), required[i], SOURCE, number.text()));
                requested.add(i);
            }
        }
        List<ReservedQuantity> granted = reservations.reserveAvailable(requests);
        for (int k = 0; k < requested.size(); k++) {
            int i = requested.get(k);
            reserved[i] = granted.get(k).reserved();
            reservationIds[i] = granted.get(k).reservationId();
        }
        if (n > 0) {
            jdbc.sql(INSERT_MATERIALS)
                    .param("order", head.id())
                    .param("ids", ids)
                    .param("positions", positions)
                    .param("lines", lineIds)
                    .param("articles", materialArticleIds)
                    .param("required", required)
                    .param("reserved", reserved)
                    .param("reservations", reservationIds)
                    .param("costs", unitCosts)
                    .update();
        }

        // Sub-assemblies that stock cannot cover are made by child orders, released at once.
        List<UUID> children = new ArrayList<>();
        Map<UUID, UUID> childOf = new LinkedHashMap<>();
        int shortMaterials = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal missing = required[i].subtract(reserved[i]);
            if (missing.signum() <= 0) {
                continue;
            }
            UUID subBom = subBoms.get(materialArticleIds[i]);
            if (subBom == null) {
                shortMaterials++;
                continue;
            }
            UUID childId = insertOrder(
                    materialArticleIds[i],
                    subBom,
                    missing,
                    head.dueDate(),
                    head.warehouseId(),
                    null,
                    null,
                    head.id(),
                    ids[i]);
            childOf.put(ids[i], childId);
            children.add(childId);
            ReleaseResult child = releaseLocked(read(childId));
            children.addAll(child.childOrderIds());
        }
        if (!childOf.isEmpty()) {
            jdbc.sql("""
                            UPDATE production_order_material m SET child_order_id = c.child
                              FROM unnest(CAST(:materials AS uuid[]), CAST(:children AS uuid[])) AS c(material, child)
                             WHERE m.id = c.material
                            """)
                    .param("materials", childOf.keySet().toArray(UUID[]::new))
                    .param("children", childOf.values().toArray(UUID[]::new))
                    .update();
        }

        BigDecimal servicePerUnit = insertTasks(head, serviceLines, articles, workers);
        StandardCost own = standard.get(head.articleId());
        BigDecimal material = own != null ? own.materialCost() : materialPerUnit;
        BigDecimal service = own != null ? own.serviceCost() : servicePerUnit;
        BigDecimal unit = own != null ? own.unitCost() : material.add(service);
        jdbc.sql("""
                        UPDATE production_order
                           SET status = 'RELEASED', series = :series, number_year = :year, number = :number,
                               standard_unit_cost = :unit, standard_material_cost = :material,
                               standard_service_cost = :service, released_at = now(), released_by = nexo_user_id(),
                               updated_at = now(), version = version + 1
                         WHERE id = :id
                        """)
                .param("series", number.series())
                .param("year", number.year())
                .param("number", number.text())
                .param("unit", unit.setScale(6, RoundingMode.HALF_UP))
                .param("material", material.setScale(6, RoundingMode.HALF_UP))
                .param("service", service.setScale(6, RoundingMode.HALF_UP))
                .param("id", head.id())
                .update();
        return new ReleaseResult(number.text(), List.copyOf(children), shortMaterials);
    }

    /** The service lines become the order's tasks; returns the standard service cost of one unit. */
    private BigDecimal insertTasks(
            OrderHeader head,
            List<BomLineRow> serviceLines,
            Map<UUID, ArticleSummary> articles,
            Map<UUID, Worker> workers) {
        int n = serviceLines.size();
        if (n == 0) {
            return BigDecimal.ZERO;
        }
        UUID[] ids = new UUID[n];
        Integer[] positions = new Integer[n];
        UUID[] lineIds = new UUID[n];
        UUID[] articleIds = new UUID[n];
        BigDecimal[] hours = new BigDecimal[n];
        UUID[] workerIds = new UUID[n];
        UUID[] professionals = new UUID[n];
        BigDecimal[] rates = new BigDecimal[n];
        BigDecimal perUnit = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BomLineRow line = serviceLines.get(i);
            Worker worker = line.workerId() == null ? null : workers.get(line.workerId());
            ArticleSummary article = articles.get(line.articleId());
            BigDecimal rate = worker != null
                    ? worker.hourlyRate()
                    : article == null || article.cost() == null ? BigDecimal.ZERO : article.cost();
            ids[i] = Ids.newId();
            positions[i] = line.position();
            lineIds[i] = line.id();
            articleIds[i] = line.articleId();
            hours[i] = line.quantity().multiply(head.quantity()).setScale(2, RoundingMode.HALF_UP);
            workerIds[i] = line.workerId();
            professionals[i] = worker != null && worker.professional() ? worker.professionalId() : null;
            rates[i] = rate.setScale(2, RoundingMode.HALF_UP);
            perUnit = perUnit.add(line.quantity().multiply(rate));
        }
        jdbc.sql(INSERT_TASKS)
                .param("order", head.id())
                .param("ids", ids)
                .param("positions", positions)
                .param("lines", lineIds)
                .param("articles", articleIds)
                .param("hours", hours)
                .param("workers", workerIds)
                .param("professionals", professionals)
                .param("rates", rates)
                .update();
        return perUnit;
    }

    private Map<UUID, Worker> workers(UUID[] ids) {
        Map<UUID, Worker> found = new HashMap<>();
        if (ids.length == 0) {
            return found;
        }
        jdbc.sql(
                        "SELECT id, kind, professional_id, hourly_rate FROM production_worker WHERE id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", ids)
                .query((rs, row) -> new Worker(
                        rs.getObject("id", UUID.class),
                        "PROFESSIONAL".equals(rs.getString("kind")),
                        rs.getObject("professional_id", UUID.class),
                        rs.getBigDecimal("hourly_rate")))
                .list()
                .forEach(worker -> found.put(worker.id(), worker));
        return found;
    }

    /** A material line of an order while a record changes it. */
    private static final class MaterialState {
        final UUID id;
        final UUID articleId;
        final BigDecimal required;
        BigDecimal reserved;
        BigDecimal consumed;
        UUID reservationId;
        BigDecimal cost = BigDecimal.ZERO;
        boolean changed;

        MaterialState(ResultSet rs) throws SQLException {
            id = rs.getObject("id", UUID.class);
            articleId = rs.getObject("article_id", UUID.class);
            required = rs.getBigDecimal("required_quantity");
            reserved = rs.getBigDecimal("reserved_quantity");
            consumed = rs.getBigDecimal("consumed_quantity");
            reservationId = rs.getObject("reservation_id", UUID.class);
        }
    }

    /**
     * Issues each use from the order's reservation first and the rest straight from the warehouse,
     * each at the article's cost now; adds to the materials' consumed quantity and actual cost and
     * to the order's actual material cost.
     */
    private void consumeLocked(OrderHeader head, List<MaterialUse> uses, EntryKind kind, String reason) {
        List<MaterialUse> wanted = uses == null
                ? List.of()
                : uses.stream()
                        .filter(use -> use != null
                                && use.quantity() != null
                                && use.quantity().signum() != 0)
                        .toList();
        if (wanted.isEmpty()) {
            return;
        }
        Map<UUID, MaterialState> materials = new LinkedHashMap<>();
        jdbc.sql(MATERIALS_FOR_UPDATE)
                .param("order", head.id())
                .query((rs, row) -> new MaterialState(rs))
                .list()
                .forEach(state -> materials.put(state.id, state));
        Map<UUID, ArticleSummary> articles = directory.summaries(
                materials.values().stream().map(state -> state.articleId).toList());
        for (MaterialState state : materials.values()) {
            ArticleSummary article = articles.get(state.articleId);
            state.cost = article == null || article.cost() == null ? BigDecimal.ZERO : article.cost();
        }
        BigDecimal added = BigDecimal.ZERO;
        for (MaterialUse use : wanted) {
            MaterialState state = materials.get(use.materialId());
            if (state == null) {
                throw new ProductionRuleException("production.orders.error.material-unknown");
            }
            BigDecimal quantity = positive(use.quantity());
            BigDecimal fromReservation = state.reservationId == null ? BigDecimal.ZERO : quantity.min(state.reserved);
            if (fromReservation.signum() > 0) {
                ReservationService.Consumption consumption =
                        reservations.consume(state.reservationId, fromReservation, SOURCE, head.number());
                state.reserved = state.reserved.subtract(fromReservation);
                state.reservationId = consumption.remainderReservationId();
                if (state.reservationId == null) {
                    state.reserved = BigDecimal.ZERO;
                }
                entry(
                        head,
                        kind,
                        state.articleId,
                        state.id,
                        fromReservation,
                        state.cost,
                        reason,
                        consumption.movementId());
            }
            BigDecimal rest = quantity.subtract(fromReservation);
            if (rest.signum() > 0) {
                UUID movement = stock.issue(new StockEntry(
                        state.articleId, head.warehouseId(), null, rest, null, null, reason, SOURCE, head.number()));
                entry(head, kind, state.articleId, state.id, rest, state.cost, reason, movement);
            }
            state.consumed = state.consumed.add(quantity);
            BigDecimal cost = quantity.multiply(state.cost).setScale(4, RoundingMode.HALF_UP);
            jdbc.sql("""
                            UPDATE production_order_material
                               SET reserved_quantity = :reserved, reservation_id = :reservation,
                                   consumed_quantity = :consumed, actual_cost = actual_cost + :cost, version = version + 1
                             WHERE id = :id
                            """)
                    .param("reserved", state.reserved)
                    .param("reservation", state.reservationId, Types.OTHER)
                    .param("consumed", state.consumed)
                    .param("cost", cost)
                    .param("id", state.id)
                    .update();
            added = added.add(cost);
        }
        jdbc.sql("UPDATE production_order SET actual_material_cost = actual_material_cost + :cost WHERE id = :id")
                .param("cost", added)
                .param("id", head.id())
                .update();
    }

    /** Per material, its share of the order's requirement for {@code made} units, capped at what is still to consume. */
    private List<MaterialUse> proposed(OrderHeader head, BigDecimal made) {
        List<MaterialUse> uses = new ArrayList<>();
        jdbc.sql("""
                        SELECT id, required_quantity, consumed_quantity
                          FROM production_order_material WHERE order_id = :order ORDER BY position
                        """)
                .param("order", head.id())
                .query((rs, row) -> {
                    BigDecimal required = rs.getBigDecimal("required_quantity");
                    BigDecimal left = required.subtract(rs.getBigDecimal("consumed_quantity"));
                    BigDecimal share = required.multiply(made)
                            .divide(head.quantity(), Scrap.QUANTITY_SCALE, RoundingMode.UP)
                            .min(left);
                    if (share.signum() > 0) {
                        uses.add(new MaterialUse(rs.getObject("id", UUID.class), share));
                    }
                    return row;
                })
                .list();
        return uses;
    }

    private void releaseReservations(UUID orderId) {
        List<UUID> open =
                jdbc.sql("""
                        SELECT reservation_id FROM production_order_material
                         WHERE order_id = :order AND reservation_id IS NOT NULL
                         ORDER BY position
                        """).param("order", orderId).query(UUID.class).list();
        open.forEach(reservations::release);
        if (!open.isEmpty()) {
            jdbc.sql("""
                            UPDATE production_order_material SET reserved_quantity = 0, reservation_id = NULL,
                                   version = version + 1
                             WHERE order_id = :order AND reservation_id IS NOT NULL
                            """).param("order", orderId).update();
        }
    }

    private void cancelLocked(UUID orderId, String reason) {
        releaseReservations(orderId);
        List<UUID> children =
                jdbc.sql("""
                        SELECT id FROM production_order
                         WHERE parent_id = :id AND status IN ('DRAFT', 'RELEASED')
                         ORDER BY id FOR UPDATE
                        """).param("id", orderId).query(UUID.class).list();
        children.forEach(child -> cancelLocked(child, reason));
        jdbc.sql("""
                        UPDATE production_order
                           SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(), updated_at = now(),
                               version = version + 1
                         WHERE id = :id
                        """).param("reason", reason).param("id", orderId).update();
    }

    private void entry(
            OrderHeader head,
            EntryKind kind,
            UUID articleId,
            UUID materialId,
            BigDecimal quantity,
            BigDecimal unitCost,
            String reason,
            UUID movementId) {
        jdbc.sql(INSERT_ENTRY)
                .param("id", Ids.newId())
                .param("order", head.id())
                .param("kind", kind.name())
                .param("article", articleId)
                .param("material", materialId, Types.OTHER)
                .param("quantity", quantity)
                .param("cost", unitCost, Types.NUMERIC)
                .param("reason", reason, Types.VARCHAR)
                .param("movement", movementId, Types.OTHER)
                .update();
    }

    private void markInProgress(OrderHeader head) {
        jdbc.sql("""
                        UPDATE production_order
                           SET status = 'IN_PROGRESS', started_at = coalesce(started_at, now()), updated_at = now(),
                               version = version + 1
                         WHERE id = :id
                        """).param("id", head.id()).update();
    }

    /** The order's row, locked until the transaction ends; refused when it is not there (or not visible). */
    private OrderHeader lock(UUID orderId) {
        return jdbc.sql(HEAD + " WHERE id = :id FOR UPDATE")
                .param("id", orderId)
                .query(ProductionOrderService::header)
                .optional()
                .orElseThrow(() -> new ProductionRuleException("production.orders.error.not-found"));
    }

    private OrderHeader read(UUID orderId) {
        return jdbc.sql(HEAD + " WHERE id = :id")
                .param("id", orderId)
                .query(ProductionOrderService::header)
                .optional()
                .orElseThrow(() -> new ProductionRuleException("production.orders.error.not-found"));
    }

    static OrderHeader header(ResultSet rs, int row) throws SQLException {
        return new OrderHeader(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("article_id", UUID.class),
                rs.getObject("bom_id", UUID.class),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("produced_quantity"),
                rs.getBigDecimal("scrapped_quantity"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("warehouse_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getBigDecimal("standard_unit_cost"),
                rs.getBigDecimal("standard_material_cost"),
                rs.getBigDecimal("standard_service_cost"),
                rs.getBigDecimal("actual_material_cost"),
                rs.getBigDecimal("actual_service_cost"),
                rs.getString("cancel_reason"),
                rs.getString("notes"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }

    private static void requireVersion(OrderHeader head, long version) {
        if (head.version() != version) {
            throw new ProductionRuleException("production.orders.error.changed");
        }
    }

    private static void requireStatus(OrderHeader head, OrderStatus status) {
        if (head.status() != status) {
            throw wrongState(head);
        }
    }

    private static void requireWorkable(OrderHeader head) {
        if (!head.status().isWorkable()) {
            throw wrongState(head);
        }
    }

    private static ProductionRuleException wrongState(OrderHeader head) {
        return new ProductionRuleException(
                "production.orders.error.wrong-state",
                head.number() == null ? "" : head.number(),
                head.status().name());
    }

    private static BigDecimal quantity(BigDecimal value) {
        return value == null ? null : value.setScale(Scrap.QUANTITY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal positive(BigDecimal value) {
        BigDecimal quantity = quantity(value);
        if (quantity == null || quantity.signum() <= 0) {
            throw ProductionRuleException.onField("quantity", "production.orders.error.quantity-positive");
        }
        return quantity;
    }
}

package com.nexo.production.demo;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.articles.ArticleRegistration;
import com.nexo.articles.ArticleRegistration.Kind;
import com.nexo.articles.ArticleRegistration.NewArticle;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.demo.DemoUsers;
import com.nexo.production.boms.BomForm;
import com.nexo.production.boms.BomLineForm;
import com.nexo.production.boms.BomService;
import com.nexo.production.boms.CostRollUp;
import com.nexo.production.boms.LineKind;
import com.nexo.production.orders.OrderForm;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.production.orders.ReleaseResult;
import com.nexo.production.portal.ProfessionalJobs;
import com.nexo.production.work.WorkCentreForm;
import com.nexo.production.work.WorkService;
import com.nexo.production.work.WorkerForm;
import com.nexo.production.work.WorkerKind;
import com.nexo.security.UserDirectory;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant's metal workshop, made through the production services by the demo production
 * user (so numbers, reservations, stock movements, costs and the history come out as real work
 * makes them): four work centres (cutting, welding, assembly, painting); as workers the production
 * user, the administrator and the demo professional (who paints, at her own rate); the workshop's
 * articles (inputs with some stock, some of it short; a leg, a welded frame and a shelf as
 * sub-assemblies; a metal shelving unit and a workbench as finished goods; welding and painting as
 * services); bills three levels deep with scrap and services, activated and rolled up to standard
 * costs; and orders as a workshop has them: a closed one, one in progress with consumption, output,
 * scrap and time, a released one whose sub-assemblies got child orders, and a draft. The demo
 * professional has painting jobs in every state of her portal: one waiting to be accepted, one
 * accepted with hours logged on two days, and one done.
 *
 * <p>The articles are registered as system work through the articles module; the rest runs as the
 * production user in one transaction; then the professional's part runs as her portal user, through
 * the portal's service. Runs once: a tenant that has a work centre is left alone.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoProduction implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoProduction.class);

    /** The demo tenant's production user, who does the workshop's work. */
    static final String PRODUCTION_USER = "produccion@demo.nexo";
    /** The demo professional's portal user: accepts and records time on her painting jobs. */
    static final String PROFESSIONAL_USER = "profesional@demo.nexo";

    /** An employee of the demo tenant who also works in the workshop (assembly). */
    static final String ASSEMBLER = "Ana Administradora";

    static final String SHEET = "FAB-CHAPA-GALV-15";
    static final String TUBE = "FAB-TUBO-30X30";
    static final String BOLTS = "FAB-TORN-M6-KIT";
    static final String PAINT = "FAB-PINT-EPOXI";
    static final String LEG = "FAB-PATA";
    static final String FRAME = "FAB-BASTIDOR";
    static final String SHELF = "FAB-BALDA";
    static final String SHELVING = "FAB-ESTANTERIA";
    static final String WORKBENCH = "FAB-BANCO";
    static final String WELDING = "SER-SOLDADURA";
    static final String PAINTING = "SER-PINTADO";

    private static final BigDecimal VAT = new BigDecimal("21");

    /** The workshop's articles: inputs, sub-assemblies, finished goods and services. */
    private static final List<NewArticle> ARTICLES = List.of(
            article(SHEET, Kind.INPUT, "Chapa galvanizada 1,5 mm", "Galvanised steel sheet 1.5 mm", "kg", "0", "1.20"),
            article(TUBE, Kind.INPUT, "Tubo cuadrado 30x30x1,5 mm", "Square tube 30x30x1.5 mm", "m", "0", "2.80"),
            article(
                    BOLTS,
                    Kind.INPUT,
                    "Tornillo M6x16 con tuerca y arandela",
                    "M6x16 bolt with nut and washer",
                    "ud",
                    "0",
                    "0.12"),
            article(PAINT, Kind.INPUT, "Pintura epoxi gris RAL 7035", "Grey epoxy paint RAL 7035", "l", "0", "9.50"),
            article(LEG, Kind.INPUT, "Pata con placa de apoyo", "Leg with foot plate", "ud", "0", "0"),
            article(FRAME, Kind.INPUT, "Bastidor soldado", "Welded frame", "ud", "0", "0"),
            article(SHELF, Kind.INPUT, "Balda plegada", "Folded shelf", "ud", "0", "0"),
            article(
                    SHELVING,
                    Kind.GOODS,
                    "Estantería metálica 5 baldas",
                    "Metal shelving unit, 5 shelves",
                    "ud",
                    "189.00",
                    "0"),
            article(WORKBENCH, Kind.GOODS, "Banco de trabajo", "Workbench", "ud", "420.00", "0"),
            article(WELDING, Kind.SERVICE, "Soldadura", "Welding", "h", "38.00", "24.00"),
            article(PAINTING, Kind.SERVICE, "Pintado", "Painting", "h", "45.00", "30.00"));

    /** What the workshop has in the central warehouse to start with: paint and tube fall short. */
    private static final Map<String, String> STOCK = Map.of(SHEET, "250", TUBE, "40", BOLTS, "1500", PAINT, "6");

    private final ArticleRegistration registration;
    private final ArticleDirectory directory;
    private final StockService stock;
    private final WorkService work;
    private final BomService boms;
    private final CostRollUp rollUp;
    private final ProductionOrderService orders;
    private final UserDirectory people;
    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ProfessionalJobs portal;

    DemoProduction(
            ArticleRegistration registration,
            ArticleDirectory directory,
            StockService stock,
            WorkService work,
            BomService boms,
            CostRollUp rollUp,
            ProductionOrderService orders,
            UserDirectory people,
            DemoUsers users,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            ProfessionalJobs portal) {
        this.portal = portal;
        this.registration = registration;
        this.directory = directory;
        this.stock = stock;
        this.work = work;
        this.boms = boms;
        this.rollUp = rollUp;
        this.orders = orders;
        this.people = people;
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private static NewArticle article(
            String code, Kind kind, String nameEs, String nameEn, String unit, String price, String cost) {
        return new NewArticle(code, kind, nameEs, nameEn, unit, new BigDecimal(price), new BigDecimal(cost), VAT);
    }

    @Override
    public void seed(DemoTenant tenant) {
        if (tenant != DemoTenant.DEMO || seeded()) {
            return;
        }
        Map<String, UUID> articles = transactions.execute(status -> {
            Map<String, UUID> ids = new HashMap<>();
            for (NewArticle article : ARTICLES) {
                ids.put(article.code(), registration.register(article));
            }
            return ids;
        });
        List<UUID> paintingInProgress = new ArrayList<>();
        List<UUID> paintingDone = new ArrayList<>();
        boolean ran = users.runAs(
                PRODUCTION_USER,
                () -> transactions.executeWithoutResult(status -> {
                    if (seeded()) {
                        return;
                    }
                    long started = System.nanoTime();
                    Workshop workshop = new Workshop(articles);
                    workshop.paintingInProgress = paintingInProgress;
                    workshop.paintingDone = paintingDone;
                    if (workshop.seed()) {
                        LOG.info(
                                "Demo production: {} work centres, {} workers, {} bills, {} standard costs, {} orders in {} ms",
                                workshop.centres.size(),
                                workshop.workers.size(),
                                workshop.bills,
                                workshop.costed,
                                workshop.orderCount,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                }));
        if (!ran) {
            LOG.warn("Demo production skipped: the demo production user {} does not exist", PRODUCTION_USER);
            return;
        }
        if (!paintingInProgress.isEmpty() || !paintingDone.isEmpty()) {
            professionalsWork(paintingInProgress, paintingDone);
        }
    }

    /**
     * The professional, in her portal: accepts a workbench job and logs hours on two days, accepts a
     * shelving job, logs its hours and marks it done. Her third job stays waiting to be accepted.
     */
    private void professionalsWork(List<UUID> inProgress, List<UUID> done) {
        LocalDate today = LocalDate.now(clock);
        boolean ran = users.runAs(PROFESSIONAL_USER, () -> {
            // Each step is a transaction of the portal's service, as the professional's clicks are.
            for (UUID job : inProgress) {
                portal.accept(job, portal.job(job).version());
                portal.logHours(job, today.minusDays(2), new BigDecimal("3.50"), "Imprimación y primera mano");
                portal.logHours(job, today.minusDays(1), new BigDecimal("2.00"), "Segunda mano");
            }
            for (UUID job : done) {
                portal.accept(job, portal.job(job).version());
                portal.logHours(job, today.minusDays(4), new BigDecimal("4.00"), "Pintado completo al horno");
                portal.markDone(job, portal.job(job).version());
            }
        });
        if (!ran) {
            LOG.warn("Demo professional's jobs skipped: the demo professional {} does not exist", PROFESSIONAL_USER);
        }
    }

    private boolean seeded() {
        return Boolean.TRUE.equals(
                transactions.execute(status -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM production_work_centre)")
                        .query(Boolean.class)
                        .single()));
    }

    /** One seeding of the workshop and what it made. */
    private final class Workshop {

        private final Map<String, UUID> articles;
        private final Map<String, UUID> centres = new HashMap<>();
        private final Map<String, UUID> workers = new HashMap<>();
        private final LocalDate today = LocalDate.now(clock);
        private UUID warehouse;
        private List<UUID> paintingInProgress = new ArrayList<>();
        private List<UUID> paintingDone = new ArrayList<>();
        private int bills;
        private int costed;
        private int orderCount;

        Workshop(Map<String, UUID> articles) {
            this.articles = articles;
        }

        boolean seed() {
            warehouse = directory.activeWarehouses().stream()
                    .filter(w -> w.code().equals("CEN"))
                    .map(WarehouseSummary::id)
                    .findFirst()
                    .orElse(null);
            if (warehouse == null) {
                LOG.warn("Demo production skipped: the demo's central warehouse is missing");
                return false;
            }
            initialStock();
            centresAndWorkers();
            bills();
            costed = rollUp.rollUpAll();
            orders();
            return true;
        }

        private void initialStock() {
            STOCK.forEach((code, quantity) -> stock.receive(new StockEntry(
                    articles.get(code),
                    warehouse,
                    null,
                    new BigDecimal(quantity),
                    null,
                    null,
                    "Existencias iniciales del taller",
                    null,
                    null)));
        }

        private void centresAndWorkers() {
            centres.put(
                    "CORTE",
                    work.createWorkCentre(new WorkCentreForm("CORTE", "Corte", new BigDecimal("18.00"), true)));
            centres.put(
                    "SOLDADURA",
                    work.createWorkCentre(new WorkCentreForm("SOLDADURA", "Soldadura", new BigDecimal("22.00"), true)));
            centres.put(
                    "MONTAJE",
                    work.createWorkCentre(new WorkCentreForm("MONTAJE", "Montaje", new BigDecimal("12.00"), true)));
            centres.put(
                    "PINTURA",
                    work.createWorkCentre(new WorkCentreForm("PINTURA", "Pintura", new BigDecimal("15.00"), true)));
            UUID me = TenantContext.current().map(DatabaseContext::userId).orElseThrow();
            workers.put(
                    "PEDRO",
                    work.createWorker(new WorkerForm(
                            WorkerKind.EMPLOYEE, me, null, new BigDecimal("22.00"), centres.get("SOLDADURA"), true)));
            people.activeEmployees().stream()
                    .filter(person -> person.displayName().equals(ASSEMBLER))
                    .findFirst()
                    .ifPresent(ana -> workers.put(
                            "ANA",
                            work.createWorker(new WorkerForm(
                                    WorkerKind.EMPLOYEE,
                                    ana.id(),
                                    null,
                                    new BigDecimal("20.00"),
                                    centres.get("MONTAJE"),
                                    true))));
            workers.put(
                    "LUCIA",
                    work.createWorker(new WorkerForm(
                            WorkerKind.PROFESSIONAL,
                            null,
                            DemoTenant.PROFESSIONAL_PARTY,
                            new BigDecimal("32.00"),
                            centres.get("PINTURA"),
                            true)));
        }

        /** Bills three levels deep: finished goods over a frame over its legs, with scrap and services. */
        private void bills() {
            bill(LEG, "CORTE", material(TUBE, "0.90", "5"), material(SHEET, "0.40", "0"));
            bill(
                    FRAME,
                    "SOLDADURA",
                    material(LEG, "4", "0"),
                    material(TUBE, "4.00", "5"),
                    material(BOLTS, "8", "0"),
                    service(WELDING, "0.75", "PEDRO"));
            bill(
                    SHELF,
                    "CORTE",
                    material(SHEET, "5.50", "10"),
                    material(BOLTS, "4", "0"),
                    service(WELDING, "0.20", "PEDRO"));
            bill(
                    SHELVING,
                    "MONTAJE",
                    material(FRAME, "1", "0"),
                    material(SHELF, "4", "0"),
                    material(BOLTS, "8", "0"),
                    material(PAINT, "0.50", "5"),
                    service(PAINTING, "0.80", "LUCIA"));
            bill(
                    WORKBENCH,
                    "MONTAJE",
                    material(FRAME, "1", "0"),
                    material(SHELF, "1", "0"),
                    material(SHEET, "14.00", "5"),
                    material(TUBE, "2.50", "5"),
                    material(BOLTS, "12", "0"),
                    material(PAINT, "0.70", "5"),
                    service(PAINTING, "1.00", "LUCIA"));
        }

        private BomLineForm material(String code, String quantity, String scrap) {
            return new BomLineForm(
                    LineKind.MATERIAL, articles.get(code), new BigDecimal(quantity), new BigDecimal(scrap), null, null);
        }

        private BomLineForm service(String code, String hours, String worker) {
            return new BomLineForm(
                    LineKind.SERVICE,
                    articles.get(code),
                    new BigDecimal(hours),
                    BigDecimal.ZERO,
                    workers.get(worker),
                    null);
        }

        private void bill(String code, String centre, BomLineForm... lines) {
            UUID bom = boms.createVersion(new BomForm(
                    articles.get(code), today.minusMonths(3), null, centres.get(centre), "Versión inicial del taller"));
            long version = boms.saveLines(bom, 0, List.of(lines));
            boms.activate(bom, version);
            bills++;
        }

        /**
         * A closed order of legs, an order of shelves in progress (consumed, produced, one scrapped,
         * welding time), a released order of shelving units whose frames and shelves got child orders,
         * and a draft order of workbenches.
         */
        private void orders() {
            UUID legs = order(LEG, "10", today.minusDays(6), "CORTE", "Stock de patas para bastidores");
            orders.release(legs, version(legs));
            orders.produce(legs, BigDecimal.TEN, true);
            orders.complete(legs);
            orders.close(legs, version(legs));

            UUID shelves = order(SHELF, "30", today.plusDays(3), "CORTE", "Baldas para el pedido de estanterías");
            orders.release(shelves, version(shelves));
            orders.start(shelves);
            orders.produce(shelves, new BigDecimal("12"), true);
            orders.scrap(shelves, null, BigDecimal.ONE, "Plegado fuera de medida");
            for (UUID task : tasks(shelves)) {
                work.logHours(task, workers.get("PEDRO"), today, new BigDecimal("2.50"), "Soldadura de refuerzos");
            }

            UUID shelving = order(SHELVING, "20", today.plusDays(12), "MONTAJE", "Pedido Hostelería Sol");
            ReleaseResult released = orders.release(shelving, version(shelving));
            orderCount += released.childOrderIds().size();

            order(WORKBENCH, "8", today.plusDays(20), "MONTAJE", "Bancos para el taller de un cliente");

            // The professional's painting jobs (her part is recorded in her portal afterwards).
            UUID benches =
                    order(WORKBENCH, "4", today.plusDays(9), "PINTURA", "Bancos para Carpintería Ruiz: RAL 7016 mate");
            orderCount +=
                    orders.release(benches, version(benches)).childOrderIds().size();
            paintingInProgress.addAll(tasks(benches));
            UUID books = order(
                    SHELVING, "6", today.plusDays(5), "PINTURA", "Estanterías para Librería Norte: blanco satinado");
            orderCount += orders.release(books, version(books)).childOrderIds().size();
            paintingDone.addAll(tasks(books));
        }

        private UUID order(String code, String quantity, LocalDate due, String centre, String notes) {
            orderCount++;
            return orders.create(new OrderForm(
                    articles.get(code), new BigDecimal(quantity), due, warehouse, centres.get(centre), notes));
        }

        private long version(UUID order) {
            return jdbc.sql("SELECT version FROM production_order WHERE id = :id")
                    .param("id", order)
                    .query(Long.class)
                    .single();
        }

        private List<UUID> tasks(UUID order) {
            return new ArrayList<>(
                    jdbc.sql("SELECT id FROM production_order_task WHERE order_id = :id ORDER BY position")
                            .param("id", order)
                            .query(UUID.class)
                            .list());
        }
    }
}

package com.nexo.purchasing.demo;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.base.BackDating;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.demo.DemoUsers;
import com.nexo.purchasing.bills.BillRequest;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.documents.AnswerLine;
import com.nexo.purchasing.documents.DraftOrder;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.RfqComparison;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.prices.SupplierArticleForm;
import com.nexo.purchasing.prices.SupplierPrice;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant's last twelve months of purchasing, made through the purchasing services by the
 * tenant's buyer (so numbers, stock, costs, last prices and the history come out as real work makes
 * them): what each demo supplier sells of the catalogue (its codes, lead times, some quantity breaks),
 * an approval threshold of 3,000 € and a price tolerance of 2 %, an order to a supplier about every week
 * (sent, received in one or two receipts and billed, bills approved, two with differences accepted with
 * a note; the larger ones approved first; one cancelled) and two RFQs whose chosen answers became
 * orders. Open as of today: drafts, orders waiting for approval, sent and partly received orders,
 * received orders not billed yet, an RFQ sent to three suppliers with two answers and a draft RFQ.
 *
 * <p>As the sales demo, the year is planned and then run in the order it happened, each step at its
 * own moment of the business clock ({@link BackDating}), in one transaction. Runs once, after the
 * accounts, the catalogue and the sales: a tenant that already has a purchasing document is left
 * alone.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoPurchasing implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPurchasing.class);

    /** The demo tenant's buyer, who makes, approves, receives and bills the documents. */
    static final String BUYER = "compras@demo.nexo";

    /**
     * Orders planned over the year, back from today: the {@link #RECENT} newest (open work, most of
     * them) four days apart, the older ones eight days apart.
     */
    static final int ORDERS = 50;

    static final int RECENT = 13;
    static final BigDecimal APPROVAL_THRESHOLD = new BigDecimal("3000.00");
    static final BigDecimal PRICE_TOLERANCE = new BigDecimal("2.00");
    /** The supplier's note of the open RFQ's answers, and of the closed ones. */
    static final String RFQ_NOTES = "Material para obra grande";
    /** How far back the demo's year starts, in days. */
    private static final int YEAR = 366;

    private static final String ANY_DOCUMENT = "SELECT EXISTS (SELECT 1 FROM purchase_document)";
    private static final String PRICED = "SELECT supplier_id, article_id FROM purchase_supplier_article";

    /** A demo supplier: its look-up text, its code prefix, lead time, price level and what it sells. */
    private record Catalogue(String supplier, String prefix, int leadDays, String level, List<String> articles) {}

    private static final List<Catalogue> CATALOGUES = List.of(
            new Catalogue(
                    "Tornillería Catalana",
                    "TC",
                    3,
                    "1.00",
                    List.of(
                            "TOR-DIN933-M6X20",
                            "TOR-DIN933-M8X30",
                            "TOR-DIN912-M10X40",
                            "TOR-AUTOR-4X30",
                            "TUE-DIN934-M8",
                            "ARA-DIN125-M8",
                            "FIJ-TACO-NYL8",
                            "FIJ-ANCLA-M10")),
            new Catalogue(
                    "Fundición Vasca",
                    "FV",
                    7,
                    "1.00",
                    List.of(
                            "ACE-CHAPA-S235-2MM",
                            "ACE-CHAPA-INOX-1MM",
                            "ACE-TUBO-40X40X2",
                            "ACE-IPN-100",
                            "ACE-PLETINA-40X5")),
            new Catalogue(
                    "Dupont Outillage",
                    "DO",
                    10,
                    "1.02",
                    List.of(
                            "HER-LLAVE-COMB13",
                            "HER-MARTILLO-500",
                            "HER-DESTOR-SET6",
                            "ABR-DISCO-CORTE125",
                            "ABR-DISCO-LAMINAS125")),
            new Catalogue(
                    "Pinturas Mediterráneo",
                    "PM",
                    4,
                    "0.98",
                    List.of("QUI-IMPRIM-ANTIOX", "QUI-ESMALTE-RAL9005", "QUI-DISOLVENTE")),
            new Catalogue(
                    "Aceros del Norte",
                    "ADN",
                    5,
                    "1.03",
                    List.of("ACE-CHAPA-S235-2MM", "ACE-TUBO-40X40X2", "ACE-IPN-100", "ACE-PLETINA-40X5")),
            new Catalogue(
                    "Electricidad Industrial Bilbao",
                    "EIB",
                    6,
                    "1.00",
                    List.of("HER-TALADRO-18V", "HER-AMOLADORA-125")),
            new Catalogue("Maderas y Tableros", "MG", 5, "1.00", List.of("MAD-TABLERO-DM19", "MAD-LISTON-PINO")),
            new Catalogue(
                    "Rossi Forniture",
                    "RF",
                    12,
                    "0.97",
                    List.of("EPI-GUANTES-NITR", "EPI-GAFAS-POLI", "EPI-CASCO-BLANCO")),
            new Catalogue("Nordic Steel", "NS", 20, "0.95", List.of("ACE-CHAPA-S235-2MM", "ACE-IPN-100")));

    /**
     * Articles the catalogue's demo left below their minimum (every fourth): never ordered here, so the
     * replenishment list still has something to propose (a year of receipts would lift them above it).
     */
    private static final Set<String> LEFT_BELOW_MINIMUM = Set.of(
            "TOR-DIN933-M6X20",
            "TUE-DIN934-M8",
            "HER-LLAVE-COMB13",
            "HER-AMOLADORA-125",
            "ACE-CHAPA-INOX-1MM",
            "MAD-TABLERO-DM19",
            "QUI-DISOLVENTE");

    /** Which catalogue each order goes to, in turn (the busiest suppliers more often). */
    private static final int[] ROTATION = {0, 1, 2, 3, 0, 4, 5, 6, 1, 7};

    private static final int FUNDICION = 1;
    private static final int ACEROS = 4;
    private static final int ELECTRICIDAD = 5;
    private static final int NORDIC = 8;

    private final PurchaseOrderService orders;
    private final RfqService rfqs;
    private final ReceiptService receipts;
    private final SupplierBillService bills;
    private final SupplierPriceService prices;
    private final PurchaseSettingsService settings;
    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoPurchasing(
            PurchaseOrderService orders,
            RfqService rfqs,
            ReceiptService receipts,
            SupplierBillService bills,
            SupplierPriceService prices,
            PurchaseSettingsService settings,
            DemoUsers users,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.orders = orders;
        this.rfqs = rfqs;
        this.receipts = receipts;
        this.bills = bills;
        this.prices = prices;
        this.settings = settings;
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void seed(DemoTenant tenant) {
        if (tenant != DemoTenant.DEMO) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // Back-dating starts here, as system work (which alone may start it); the work inside runs as
        // the buyer, whose permissions the purchasing services check.
        try (BackDating dating = BackDating.start(momentOf(today.minusDays(YEAR), 0))) {
            boolean ran = users.runAs(
                    BUYER,
                    () -> transactions.executeWithoutResult(status -> {
                        if (Boolean.TRUE.equals(
                                jdbc.sql(ANY_DOCUMENT).query(Boolean.class).single())) {
                            return;
                        }
                        long started = System.nanoTime();
                        Run run = new Run(today, dating);
                        if (run.seed()) {
                            LOG.info(
                                    "Demo purchasing: {} supplier prices, {} orders, {} receipts, {} bills, {} RFQs in {} ms",
                                    run.priced,
                                    run.orderCount,
                                    run.receiptCount,
                                    run.billCount,
                                    run.rfqCount,
                                    (System.nanoTime() - started) / 1_000_000);
                        }
                    }));
            if (!ran) {
                LOG.warn("Demo purchasing skipped: the demo buyer {} does not exist", BUYER);
            }
        }
    }

    /**
     * The moment of a day's {@code n}-th step: from half past eight, a few minutes apart, in the
     * business's time zone; never later than now.
     */
    private Instant momentOf(LocalDate day, int n) {
        return BackDating.stepMoment(day, LocalTime.of(8, 30), 3, n, clock.getZone());
    }

    /** What becomes of a planned order by today. */
    private enum Fate {
        DRAFT,
        TO_APPROVE,
        SENT,
        PARTLY_RECEIVED,
        CANCELLED,
        RECEIVED,
        BILLED
    }

    /** How a bill differs from its order. */
    private enum Difference {
        NONE,
        PRICE,
        FREIGHT
    }

    private record Step(LocalDate day, int order, Runnable work) {}

    /** A document the plan makes on a day: its id once the step that makes it has run. */
    private static final class Planned {
        private UUID id;
    }

    /** One seeding: its random choices (fixed seed), its plan of the year and what it made. */
    private final class Run {

        private final Random random = new Random(2027);
        private final LocalDate today;
        private final BackDating dating;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, ArticleSummary> articles = new LinkedHashMap<>();
        private final List<UUID> suppliers = new ArrayList<>();
        private UUID warehouse;

        private int priced;
        private int orderCount;
        private int receiptCount;
        private int billCount;
        private int billsRecorded;
        private int rfqCount;

        Run(LocalDate today, BackDating dating) {
            this.today = today;
            this.dating = dating;
        }

        boolean seed() {
            warehouse = orders.warehouses().stream()
                    .filter(w -> w.code().equals("CEN"))
                    .map(WarehouseSummary::id)
                    .findFirst()
                    .orElse(null);
            for (Catalogue catalogue : CATALOGUES) {
                UUID supplier = catalogue.supplier().equals("Aceros del Norte")
                        ? DemoTenant.SUPPLIER_PARTY
                        : orders.suppliersMatching(catalogue.supplier(), 1).stream()
                                .map(AccountName::id)
                                .findFirst()
                                .orElse(null);
                suppliers.add(supplier);
                for (String code : catalogue.articles()) {
                    if (!articles.containsKey(code)) {
                        orders.articlesMatching(code, 1).stream()
                                .filter(article -> article.code().equals(code))
                                .findFirst()
                                .ifPresent(article -> articles.put(code, article));
                    }
                }
            }
            long wanted = CATALOGUES.stream()
                    .flatMap(c -> c.articles().stream())
                    .distinct()
                    .count();
            if (warehouse == null || suppliers.contains(null) || articles.size() < wanted) {
                LOG.warn(
                        "Demo purchasing skipped: the demo warehouse ({}), suppliers ({}) or articles ({} of {}) are missing",
                        warehouse,
                        suppliers,
                        articles.size(),
                        wanted);
                return false;
            }
            on(today.minusDays(YEAR), this::settingsAndPrices);
            plannedOrders();
            rfqs();
            supplierPortal();
            run();
            return true;
        }

        /** Plans {@code work} on {@code day} (today at the latest). */
        private void on(LocalDate day, Runnable work) {
            steps.add(new Step(day.isAfter(today) ? today : day, steps.size(), work));
        }

        private void run() {
            steps.sort(Comparator.comparing(Step::day).thenComparingInt(Step::order));
            LocalDate day = null;
            int n = 0;
            for (Step step : steps) {
                n = step.day().equals(day) ? n + 1 : 0;
                day = step.day();
                dating.moveTo(momentOf(day, n));
                step.work().run();
            }
        }

        private LocalDate now() {
            return LocalDate.now(clock);
        }

        /**
         * The tenant's threshold and tolerance (unless it saved its own), and each supplier's entry of
         * each article it sells (unless there is one): its code, lead time, a minimum order on some, the
         * catalogue's cost at the supplier's level, and on every other article two quantity breaks.
         */
        private void settingsAndPrices() {
            if (settings.settings().version() == 0) {
                settings.save(new PurchaseSettings(APPROVAL_THRESHOLD, PRICE_TOLERANCE, 0));
            }
            Set<List<UUID>> existing = new HashSet<>(jdbc.sql(PRICED)
                    .query((rs, i) ->
                            List.of(rs.getObject("supplier_id", UUID.class), rs.getObject("article_id", UUID.class)))
                    .list());
            for (int s = 0; s < CATALOGUES.size(); s++) {
                Catalogue catalogue = CATALOGUES.get(s);
                for (int a = 0; a < catalogue.articles().size(); a++) {
                    ArticleSummary article = articles.get(catalogue.articles().get(a));
                    if (existing.contains(List.of(suppliers.get(s), article.id()))) {
                        continue;
                    }
                    BigDecimal price = listPrice(catalogue, article);
                    BigDecimal usual = usualQuantity(article);
                    SupplierArticleForm form = SupplierArticleForm.newEntry(suppliers.get(s), article.id());
                    form.setSupplierCode(catalogue.prefix() + "-" + (1000 + 37 * s + 11 * a));
                    form.setLeadTimeDays(catalogue.leadDays() + a % 3);
                    if (usual.compareTo(BigDecimal.TEN) > 0 && a % 3 == 0) {
                        form.setMinOrderQty(usual.divide(BigDecimal.TWO, 0, RoundingMode.DOWN));
                    }
                    List<SupplierArticleForm.Break> breaks = new ArrayList<>();
                    breaks.add(new SupplierArticleForm.Break(BigDecimal.ONE, price));
                    if ((s + a) % 2 == 0) {
                        breaks.add(new SupplierArticleForm.Break(usual.multiply(BigDecimal.TWO), discounted(price, 5)));
                        breaks.add(new SupplierArticleForm.Break(
                                usual.multiply(BigDecimal.valueOf(5)), discounted(price, 10)));
                    }
                    form.setBreaks(breaks);
                    prices.create(form);
                    priced++;
                }
            }
        }

        /**
         * An order a week or so over the year, oldest first, to the suppliers in turn. The newest are open work
         * (drafts, waiting for approval, sent, partly received, received and not billed, one cancelled);
         * the older ones went all the way: sent, received (every fourth in two receipts), billed and
         * the bill approved. Every tenth is large and needed approval.
         */
        private void plannedOrders() {
            for (int i = ORDERS - 1; i >= 0; i--) {
                LocalDate day = today.minusDays(i < RECENT ? 4L * i : 4L * RECENT + 8L * (i - RECENT));
                Fate fate = fate(i);
                int scale = i >= 13 && i % 10 == 7 ? 10 : 1;
                Difference difference = i == 20 ? Difference.PRICE : i == 37 ? Difference.FREIGHT : Difference.NONE;
                Planned order = new Planned();
                int supplier;
                List<String> chosen;
                List<BigDecimal> quantities;
                if (fate == Fate.TO_APPROVE) {
                    // Above the threshold for sure: power tools for the new workshop, a lot of sheet steel.
                    supplier = i == 3 ? ELECTRICIDAD : FUNDICION;
                    chosen = i == 3 ? List.of("HER-TALADRO-18V") : List.of("ACE-CHAPA-S235-2MM");
                    quantities = i == 3 ? List.of(new BigDecimal("35")) : List.of(new BigDecimal("4000"));
                } else {
                    supplier = ROTATION[i % ROTATION.length];
                    List<String> orderable = CATALOGUES.get(supplier).articles().stream()
                            .filter(code -> !LEFT_BELOW_MINIMUM.contains(code))
                            .toList();
                    int lines = 1 + random.nextInt(Math.min(4, orderable.size()));
                    chosen = pick(orderable, lines);
                    quantities = chosen.stream()
                            .map(code -> quantity(articles.get(code), scale))
                            .toList();
                }
                on(day, () -> order.id = newOrder(supplier, chosen, quantities));
                flow(order, supplier, day, fate, i % 4 == 1, difference);
            }
        }

        private Fate fate(int i) {
            return switch (i) {
                case 0, 1, 2 -> Fate.DRAFT;
                case 3, 5 -> Fate.TO_APPROVE;
                case 4, 6, 7 -> Fate.SENT;
                case 8, 10 -> Fate.PARTLY_RECEIVED;
                case 9 -> Fate.CANCELLED;
                case 11, 12 -> Fate.RECEIVED;
                default -> Fate.BILLED; // i >= RECENT
            };
        }

        /** Plans what happens to an order made on {@code day}, by its fate. */
        private void flow(Planned order, int supplier, LocalDate day, Fate fate, boolean inTwo, Difference difference) {
            if (fate == Fate.DRAFT) {
                return;
            }
            on(day, () -> submitAndSend(order.id, fate == Fate.TO_APPROVE));
            if (fate == Fate.TO_APPROVE || fate == Fate.SENT) {
                return;
            }
            if (fate == Fate.CANCELLED) {
                on(
                        day.plusDays(2),
                        () -> orders.cancel(order.id, version(order.id), "El proveedor no puede servirlo en plazo"));
                return;
            }
            LocalDate received = day.plusDays(CATALOGUES.get(supplier).leadDays());
            if (fate == Fate.PARTLY_RECEIVED || inTwo) {
                on(received, () -> receive(order.id, line -> part(line.pendingQuantity())));
                if (fate == Fate.PARTLY_RECEIVED) {
                    return;
                }
                received = received.plusDays(7);
            }
            on(received, () -> receive(order.id, PurchaseLine::pendingQuantity));
            if (fate == Fate.RECEIVED) {
                return;
            }
            Planned bill = new Planned();
            LocalDate billed = received.plusDays(3);
            on(billed, () -> bill.id = bill(order.id, difference));
            String note = switch (difference) {
                case PRICE -> "Subida del precio del acero comunicada por el proveedor: aceptada";
                case FREIGHT -> "Portes no pactados en el pedido: aceptados por esta vez";
                case NONE -> null;
            };
            // Approved the next day: bills are numbered when approved, so they are approved in the order
            // they came in and their numbers ascend with their dates.
            on(billed.plusDays(1), () -> {
                bills.approve(bill.id, note);
                billCount++;
            });
        }

        /**
         * Two RFQs over the year whose cheapest complete answer became an order (which went all the
         * way), the RFQ of today's big job sent to three suppliers and answered by two, and a draft RFQ.
         */
        private void rfqs() {
            for (LocalDate day : List.of(today.minusDays(200), today.minusDays(110))) {
                Planned rfq = new Planned();
                Planned order = new Planned();
                List<String> codes = List.of("ACE-CHAPA-S235-2MM", "ACE-IPN-100");
                List<BigDecimal> quantities = List.of(new BigDecimal("1500"), new BigDecimal("250"));
                on(day, () -> rfq.id = sentRfq(codes, quantities, day.plusDays(5)));
                on(day.plusDays(2), () -> answer(rfq.id, FUNDICION, day, "1.00"));
                on(
                        day.plusDays(3),
                        () -> answer(rfq.id, ACEROS, day, day.isBefore(today.minusDays(150)) ? "0.96" : "1.04"));
                on(day.plusDays(4), () -> {
                    order.id = rfqs.choose(rfq.id, cheapest(rfqs.compare(rfq.id)));
                    orderCount++;
                });
                flow(order, FUNDICION, day.plusDays(4), Fate.BILLED, false, Difference.NONE);
            }
            LocalDate sent = today.minusDays(3);
            Planned open = new Planned();
            on(
                    sent,
                    () -> open.id = sentRfq(
                            List.of("ACE-IPN-100", "ACE-PLETINA-40X5"),
                            List.of(new BigDecimal("1200"), new BigDecimal("200")),
                            today.plusDays(4)));
            on(today.minusDays(2), () -> answer(open.id, FUNDICION, sent, "1.00"));
            on(today.minusDays(1), () -> answer(open.id, ACEROS, sent, "0.98"));
            on(today, () -> {
                ArticleSummary enamel = articles.get("QUI-ESMALTE-RAL9005");
                ArticleSummary primer = articles.get("QUI-IMPRIM-ANTIOX");
                rfqs.create(new DraftRfq(
                        null,
                        null,
                        null,
                        today.plusDays(7),
                        warehouse,
                        "Pintura para la nave nueva",
                        List.of(
                                OrderLine.article(enamel.id(), new BigDecimal("120"), BigDecimal.ZERO),
                                OrderLine.article(primer.id(), new BigDecimal("80"), BigDecimal.ZERO)),
                        List.of(suppliers.get(3), suppliers.get(7))));
                rfqCount++;
            });
        }

        /**
         * What waits for the demo supplier's portal user (Aceros del Norte): an RFQ sent yesterday that
         * nobody has answered yet, and two orders sent to it in the last days, not yet confirmed.
         */
        private void supplierPortal() {
            on(
                    today.minusDays(1),
                    () -> sentRfq(List.of("ACE-PLETINA-40X5"), List.of(new BigDecimal("300")), today.plusDays(6)));
            List<String> orderable = CATALOGUES.get(ACEROS).articles().stream()
                    .filter(code -> !LEFT_BELOW_MINIMUM.contains(code))
                    .toList();
            for (int n = 0; n < 2; n++) {
                List<String> chosen = orderable.subList(n, Math.min(orderable.size(), n + 2));
                List<BigDecimal> quantities = chosen.stream()
                        .map(code -> quantity(articles.get(code), 1))
                        .toList();
                on(today.minusDays(2L - n), () -> {
                    UUID order = newOrder(ACEROS, chosen, quantities);
                    submitAndSend(order, false);
                });
            }
        }

        /** A sent RFQ of these articles to Fundición Vasca, Aceros del Norte and Nordic Steel. */
        private UUID sentRfq(List<String> codes, List<BigDecimal> quantities, LocalDate answerBy) {
            List<OrderLine> lines = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                lines.add(OrderLine.article(articles.get(codes.get(i)).id(), quantities.get(i), BigDecimal.ZERO));
            }
            UUID id = rfqs.create(new DraftRfq(
                    null,
                    null,
                    null,
                    answerBy,
                    warehouse,
                    RFQ_NOTES,
                    lines,
                    List.of(suppliers.get(FUNDICION), suppliers.get(ACEROS), suppliers.get(NORDIC))));
            rfqs.send(id, rfqs.rfq(id).document().version());
            rfqCount++;
            return id;
        }

        /** A supplier's answer to every line: its list price at {@code level}, delivery after its lead time. */
        private void answer(UUID rfqId, int supplier, LocalDate sent, String level) {
            Catalogue catalogue = CATALOGUES.get(supplier);
            List<AnswerLine> lines = new ArrayList<>();
            for (PurchaseLine line : rfqs.rfq(rfqId).document().lines()) {
                ArticleSummary article = articles.get(line.articleCode());
                BigDecimal price = listPrice(catalogue, article)
                        .multiply(new BigDecimal(level))
                        .setScale(4, RoundingMode.HALF_UP);
                lines.add(new AnswerLine(
                        line.id(), price, BigDecimal.ZERO, line.quantity(), now().plusDays(catalogue.leadDays() + 2)));
            }
            String reference = "OF-" + catalogue.prefix() + "-" + sent.getYear() + "/" + (200 + rfqCount);
            rfqs.recordAnswer(rfqId, suppliers.get(supplier), reference, now().plusDays(30), lines);
        }

        private UUID cheapest(RfqComparison comparison) {
            return comparison.totals().values().stream()
                    .filter(RfqComparison.SupplierTotal::answeredAll)
                    .min(Comparator.comparing(RfqComparison.SupplierTotal::net))
                    .map(RfqComparison.SupplierTotal::supplierId)
                    .orElseThrow();
        }

        /** A draft order to a supplier, each line at the supplier's price for its quantity. */
        private UUID newOrder(int supplier, List<String> codes, List<BigDecimal> quantities) {
            Catalogue catalogue = CATALOGUES.get(supplier);
            UUID supplierId = suppliers.get(supplier);
            List<OrderLine> lines = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                ArticleSummary article = articles.get(codes.get(i));
                BigDecimal quantity = quantities.get(i);
                SupplierPrice price =
                        prices.priceFor(supplierId, article.id(), quantity).orElseThrow();
                lines.add(new OrderLine(
                        article.id(),
                        price.supplierCode(),
                        null,
                        quantity,
                        null,
                        price.unitPrice(),
                        random.nextInt(6) == 0 ? new BigDecimal("3") : BigDecimal.ZERO,
                        null));
            }
            LocalDate date = now();
            orderCount++;
            return orders.create(new DraftOrder(
                    null, null, supplierId, warehouse, date, date.plusDays(catalogue.leadDays()), null, null, lines));
        }

        /** Submits an order and sends it (approving it first when it needs it, unless it is to wait). */
        private void submitAndSend(UUID order, boolean waitForApproval) {
            PurchaseStatus status = orders.submit(order, version(order));
            if (status == PurchaseStatus.TO_APPROVE) {
                if (waitForApproval) {
                    return;
                }
                orders.approve(order, version(order));
            }
            orders.send(order, version(order));
        }

        /**
         * A receipt of each line's {@code quantity}, with the supplier's delivery note, and the prices
         * it bought at as the supplier's last prices.
         */
        private void receive(UUID orderId, Function<PurchaseLine, BigDecimal> quantity) {
            PurchaseDocument order = orders.order(orderId);
            List<ReceiptRequest.Line> lines = new ArrayList<>();
            for (PurchaseLine line : order.lines()) {
                lines.add(new ReceiptRequest.Line(line.id(), quantity.apply(line), null));
            }
            String note = "ALB-" + (4100 + receiptCount);
            receipts.post(orderId, new ReceiptRequest(warehouse, null, note, lines));
            receiptCount++;
        }

        /**
         * The supplier's bill of the whole order at the order's prices; with a price difference, the
         * first line 5 % dearer; with freight, a charge that was not on the order.
         */
        private UUID bill(UUID orderId, Difference difference) {
            PurchaseDocument order = orders.order(orderId);
            List<BillRequest.Line> lines = new ArrayList<>();
            for (PurchaseLine line : order.lines()) {
                BigDecimal price = net(line);
                if (difference == Difference.PRICE && lines.isEmpty()) {
                    price = price.multiply(new BigDecimal("1.05")).setScale(4, RoundingMode.HALF_UP);
                }
                lines.add(new BillRequest.Line(line.id(), line.quantity(), price));
            }
            if (difference == Difference.FREIGHT) {
                lines.add(new BillRequest.Line(null, "Portes", BigDecimal.ONE, new BigDecimal("35.00")));
            }
            LocalDate date = now();
            String prefix = CATALOGUES.stream()
                    .filter(c -> order.supplierName().contains(c.supplier()))
                    .map(Catalogue::prefix)
                    .findFirst()
                    .orElse("F");
            billsRecorded++;
            String reference = prefix + "-F" + date.getYear() + "/" + (300 + billsRecorded);
            return bills.record(orderId, new BillRequest(reference, date, date.plusDays(60), lines));
        }

        private long version(UUID order) {
            return orders.order(order).version();
        }

        /** The catalogue's cost at the supplier's level, to the cent. */
        private BigDecimal listPrice(Catalogue catalogue, ArticleSummary article) {
            BigDecimal cost = article.cost() == null ? BigDecimal.ONE : article.cost();
            return cost.multiply(new BigDecimal(catalogue.level())).setScale(2, RoundingMode.HALF_UP);
        }

        /** A quantity worth about 150 € at the article's cost: whole units, in fives above twenty. */
        private BigDecimal usualQuantity(ArticleSummary article) {
            double cost = article.cost() == null ? 1 : Math.max(article.cost().doubleValue(), 0.05);
            long quantity = Math.round(150 / cost);
            if (quantity > 20) {
                quantity = Math.round(quantity / 5.0) * 5;
            }
            return BigDecimal.valueOf(Math.min(1000, Math.max(2, quantity)));
        }

        /** The usual quantity of the article, half to twice it, times {@code scale}. */
        private BigDecimal quantity(ArticleSummary article, int scale) {
            long usual = usualQuantity(article).longValue();
            long quantity = Math.max(2, Math.round(usual * (0.5 + random.nextDouble() * 1.5)));
            if (quantity > 20) {
                quantity = Math.round(quantity / 5.0) * 5;
            }
            return BigDecimal.valueOf(quantity * scale);
        }

        /** About three fifths of a quantity, whole units, at least one and less than all of it. */
        private BigDecimal part(BigDecimal quantity) {
            BigDecimal part = quantity.multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.DOWN);
            return part.max(BigDecimal.ONE)
                    .min(quantity.subtract(BigDecimal.ONE))
                    .max(BigDecimal.ZERO);
        }

        private List<String> pick(List<String> codes, int count) {
            List<String> pool = new ArrayList<>(codes);
            java.util.Collections.shuffle(pool, random);
            return List.copyOf(pool.subList(0, count));
        }
    }

    /** A line's unit price after its discount, as receipts cost it and bills quote it. */
    private static BigDecimal net(PurchaseLine line) {
        return line.unitPrice()
                .multiply(BigDecimal.ONE.subtract(line.discountPercent().movePointLeft(2)))
                .setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal discounted(BigDecimal price, int percent) {
        return price.multiply(BigDecimal.valueOf(100 - percent))
                .movePointLeft(2)
                .setScale(2, RoundingMode.HALF_UP);
    }
}

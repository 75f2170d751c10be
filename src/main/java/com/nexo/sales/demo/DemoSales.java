package com.nexo.sales.demo;

import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.base.BackDating;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.demo.DemoUsers;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentLineRow;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
 * The demo tenant's last twelve months of sales, made through the sales services by the tenant's
 * salesperson (so numbers, stock, reservations and the invoice records come out as real work makes
 * them): 40 quotes (sent, accepted, expired, cancelled, one draft), 30 orders (confirmed, partly
 * delivered, delivered, one back-ordered, one draft), their delivery notes, and 40 invoices (issued,
 * most of them paid or partly paid, one corrected by a corrective invoice, one cancelled, one draft).
 *
 * <p>The year is planned first (each step on its day, a step depending on another always later) and
 * then run in the order it happened, each step at its own moment of the business clock ({@link
 * BackDating}): documents carry their day, invoice numbers of a series and year ascend with their
 * dates (a past year's invoices are of that year's series) and the invoice records chain in that
 * order. Runs once, after accounts and articles: a tenant that already has a sales document is left
 * alone.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoSales implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSales.class);

    /** The demo tenant's salesperson, who makes the documents (seller and creator). */
    static final String SELLER = "ventas@demo.nexo";

    static final int QUOTES = 40;
    static final int DIRECT_ORDERS = 14;
    static final int DIRECT_INVOICES = 20;
    /** Days a demo quote was valid for when it was sent. */
    static final int QUOTE_VALIDITY = 30;

    /** Clients, by the quick-search text of their demo account (Spanish, in euros). */
    private static final List<String> CLIENTS = List.of(
            "Hermanos Pérez",
            "Talleres Ebro",
            "Distribuciones Levante",
            "Ferretería La Económica",
            "Muebles Artesanos",
            "Carpintería Metálica Aragón",
            "Hotel Playa Dorada",
            "Cooperativa Agrícola Vega",
            "Supermercados Familia Ortega",
            "Taller de Motos Ruedas Libres");

    /** Goods and production inputs the demo sells (stock-tracked articles of the demo catalogue). */
    private static final List<String> GOODS = List.of(
            "TOR-DIN933-M8X30",
            "TOR-DIN912-M10X40",
            "TUE-DIN934-M8",
            "FIJ-ANCLA-M10",
            "HER-LLAVE-COMB13",
            "HER-MARTILLO-500",
            "HER-TALADRO-18V",
            "HER-AMOLADORA-125",
            "ABR-DISCO-CORTE125",
            "ACE-CHAPA-S235-2MM",
            "ACE-TUBO-40X40X2",
            "QUI-IMPRIM-ANTIOX",
            "EPI-GUANTES-NITR",
            "EPI-GAFAS-POLI");

    private static final List<String> SERVICES = List.of("SER-MO-TALLER", "SER-CORTE-LASER", "SER-PORTES");

    /** The article of the order that waits for stock, and how much of it is ordered (more than there is). */
    private static final String BACK_ORDERED = "ACE-IPN-100";

    private static final BigDecimal BACK_ORDERED_QUANTITY = new BigDecimal("1200");
    /** How far back the demo's year starts, in days. */
    private static final int YEAR = 366;
    /** What the demo buys of each article it sells, a year ago, before it sells any. */
    private static final BigDecimal PURCHASED = new BigDecimal("150");

    private static final String ANY_DOCUMENT = "SELECT EXISTS (SELECT 1 FROM sales_document)";

    private final SalesDocumentService documents;
    private final SalesFlowService flow;
    private final InvoicingService invoicing;
    private final StockService stock;
    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoSales(
            SalesDocumentService documents,
            SalesFlowService flow,
            InvoicingService invoicing,
            StockService stock,
            DemoUsers users,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.documents = documents;
        this.flow = flow;
        this.invoicing = invoicing;
        this.stock = stock;
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
        // The year is run through the services in the order it happened, each step at its own moment
        // of the business clock (BackDating: this seeder runs as system work, which alone may start it).
        try (BackDating dating = BackDating.start(momentOf(today.minusDays(YEAR), 0))) {
            // One transaction: the demo is seeded whole or not at all, and a few hundred service calls
            // share one commit instead of one each (most of the time on a busy machine).
            // As the salesperson: the sales services admit users only, and the documents are the user's.
            boolean ran = users.runAs(
                    SELLER,
                    () -> transactions.executeWithoutResult(status -> {
                        if (Boolean.TRUE.equals(
                                jdbc.sql(ANY_DOCUMENT).query(Boolean.class).single())) {
                            return;
                        }
                        long started = System.nanoTime();
                        Seeded seeded = new Run(today, dating).seed();
                        LOG.info(
                                "Demo sales: {} quotes, {} orders, {} delivery notes, {} invoices in {} ms",
                                seeded.quotes(),
                                seeded.orders(),
                                seeded.deliveries(),
                                seeded.invoices(),
                                (System.nanoTime() - started) / 1_000_000);
                    }));
            if (!ran) {
                LOG.warn("Demo sales skipped: the demo salesperson {} does not exist", SELLER);
            }
        }
    }

    /**
     * The moment of a day's {@code n}-th step: from nine in the morning, a few minutes apart, in the
     * business's time zone; never later than now (today's steps happen now at the latest).
     */
    private Instant momentOf(LocalDate day, int n) {
        return BackDating.stepMoment(day, LocalTime.of(9, 0), 4, n, clock.getZone());
    }

    /** How many documents of each kind a run made. */
    record Seeded(int quotes, int orders, int deliveries, int invoices) {}

    /** A step of the year: {@code work} done on {@code day}, the {@code order}-th planned. */
    private record Step(LocalDate day, int order, Runnable work) {}

    /** A document the plan makes on {@code day}: its id once the step that makes it has run. */
    private static final class Planned {

        private final LocalDate day;
        private UUID id;

        Planned(LocalDate day) {
            this.day = day;
        }

        LocalDate day() {
            return day;
        }
    }

    /**
     * One seeding: its random choices (fixed seed, so every demo is the same), its plan of the year
     * (steps by day) and what it made.
     */
    private final class Run {

        private final Random random = new Random(2026);
        private final LocalDate today;
        private final BackDating dating;
        private final List<UUID> clients = new ArrayList<>();
        private final Map<String, ArticleSummary> articles = new LinkedHashMap<>();
        /** A line of each article as the editor makes it (asked once per article, then copied). */
        private final Map<String, LineForm> lineOf = new LinkedHashMap<>();
        /** The year's steps, in the order planned; they run by day, then in that order. */
        private final List<Step> steps = new ArrayList<>();

        private final List<UUID> quotes = new ArrayList<>();
        private int orders;
        private int deliveries;
        private int invoices;

        Run(LocalDate today, BackDating dating) {
            this.today = today;
            this.dating = dating;
        }

        Seeded seed() {
            for (String client : CLIENTS) {
                documents.clientsMatching(client, 1).stream().findFirst().ifPresent(found -> clients.add(found.id()));
            }
            clients.add(DemoTenant.CLIENT_PARTY);
            List<String> codes = new ArrayList<>(GOODS);
            codes.addAll(SERVICES);
            codes.add(BACK_ORDERED);
            for (String code : codes) {
                documents.articlesMatching(code, 1).stream()
                        .filter(article -> article.code().equals(code))
                        .findFirst()
                        .ifPresent(article -> articles.put(code, article));
            }
            if (clients.size() < 3 || articles.size() < codes.size()) {
                LOG.warn("Demo sales skipped: the demo clients or articles are missing");
                return new Seeded(0, 0, 0, 0);
            }
            purchase();
            List<Planned> confirmed = new ArrayList<>(quotes());
            confirmed.addAll(directOrders());
            confirmed.sort(Comparator.comparing(Planned::day));
            List<Planned> notes = deliver(confirmed);
            invoiceDeliveries(notes);
            directInvoices();
            run();
            return new Seeded(quotes.size(), orders, deliveries, invoices);
        }

        /** Plans {@code work} on {@code day} (today at the latest). */
        private void on(LocalDate day, Runnable work) {
            steps.add(new Step(day.isAfter(today) ? today : day, steps.size(), work));
        }

        /** Runs the plan: day by day, each step at its moment of the business clock. */
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

        /** A year ago the shop bought what it sells this year (the catalogue's stock is two months old). */
        private void purchase() {
            java.time.Instant bought =
                    today.minusDays(365).atStartOfDay(ZoneOffset.UTC).toInstant();
            UUID warehouse = documents.newForm(DocumentKind.ORDER, null).getWarehouseId();
            int n = 0;
            for (String code : GOODS) {
                stock.receive(new StockEntry(
                        articles.get(code).id(),
                        warehouse,
                        null,
                        PURCHASED,
                        null,
                        bought,
                        "Compra anual",
                        "purchase-receipt",
                        "ALB-C-" + (today.getYear() - 1) + "-" + (10 + n++)));
            }
        }

        /**
         * Quotes every nine days over the year, oldest first, valid for 30 days: the newest a draft,
         * the three before it sent and still valid; of the older ones every fifth cancelled five days
         * after, two in five accepted four days after and made into orders (confirmed that day), the
         * rest sent and never answered (expired). Returns the orders, planned.
         */
        private List<Planned> quotes() {
            List<Planned> fromQuotes = new ArrayList<>();
            for (int i = QUOTES - 1; i >= 0; i--) {
                int q = i;
                LocalDate date = today.minusDays(9L * i + 2);
                List<LineForm> lines = lines(2 + random.nextInt(3), true);
                Planned quote = new Planned(date);
                on(date, () -> {
                    DocumentForm form = documents.newForm(DocumentKind.QUOTE, client(q));
                    form.setDocumentDate(date);
                    form.setValidUntil(date.plusDays(QUOTE_VALIDITY));
                    form.setLines(lines);
                    form.setClientReference("Solicitud " + (100 + QUOTES - q));
                    quote.id = documents.save(form);
                    quotes.add(quote.id);
                    if (q > 0) {
                        flow.send(quote.id);
                    }
                });
                if (i < 4) {
                    continue;
                }
                if (i % 5 == 0) {
                    on(date.plusDays(5), () -> flow.cancel(quote.id, "El cliente eligió otra oferta"));
                } else if (i % 5 == 1 || i % 5 == 3) {
                    Planned order = new Planned(date.plusDays(4));
                    on(order.day(), () -> {
                        order.id = flow.toOrder(quote.id, null);
                        flow.confirm(order.id);
                        orders++;
                    });
                    fromQuotes.add(order);
                }
            }
            return fromQuotes;
        }

        /**
         * Orders typed in over the year (and the one waiting for stock), confirmed but for the newest.
         * Returns the confirmed ones, planned.
         */
        private List<Planned> directOrders() {
            List<Planned> confirmed = new ArrayList<>();
            for (int i = DIRECT_ORDERS - 1; i >= 0; i--) {
                int o = i;
                Planned order = new Planned(today.minusDays(25L * i + 5));
                List<LineForm> lines = lines(1 + random.nextInt(3), true);
                on(order.day(), () -> {
                    DocumentForm form = documents.newForm(DocumentKind.ORDER, client(o + 3));
                    form.setDocumentDate(order.day());
                    form.setLines(lines);
                    form.setClientReference("Pedido cliente " + (700 + DIRECT_ORDERS - o));
                    order.id = documents.save(form);
                    orders++;
                    if (o > 0) {
                        flow.confirm(order.id);
                    }
                });
                if (i > 0) {
                    confirmed.add(order);
                }
            }
            List<LineForm> lines =
                    List.of(line(BACK_ORDERED, BACK_ORDERED_QUANTITY), line(SERVICES.get(2), BigDecimal.ONE));
            on(today.minusDays(4), () -> {
                DocumentForm waiting = documents.newForm(DocumentKind.ORDER, client(1));
                waiting.setDocumentDate(today.minusDays(4));
                waiting.setLines(lines);
                waiting.setNotes("Obra grande: entrega cuando llegue el material");
                flow.confirm(documents.save(waiting));
                orders++;
            });
            return confirmed;
        }

        /**
         * Delivers the confirmed orders (oldest first) six days after them: the older ones in full,
         * every fourth in part (the first line, half of it), the five newest not yet. Returns the
         * delivery notes, planned.
         */
        private List<Planned> deliver(List<Planned> confirmed) {
            List<Planned> notes = new ArrayList<>();
            for (int i = 0; i < confirmed.size() - 5; i++) {
                Planned order = confirmed.get(i);
                Planned note = new Planned(order.day().plusDays(6));
                boolean inPart = i % 4 == 2;
                on(note.day(), () -> {
                    if (inPart) {
                        DocumentLineRow first =
                                documents.document(order.id).lines().getFirst();
                        BigDecimal half = first.quantity()
                                .divide(BigDecimal.valueOf(2), 0, java.math.RoundingMode.DOWN)
                                .max(BigDecimal.ONE);
                        if (half.compareTo(first.quantity()) < 0) {
                            note.id = flow.deliver(order.id, Map.of(first.id(), half));
                            deliveries++;
                            return;
                        }
                    }
                    note.id = flow.deliver(order.id, null);
                    deliveries++;
                });
                notes.add(note);
            }
            return notes;
        }

        /** An invoice for each delivery note but the newest two, issued two days after the note. */
        private void invoiceDeliveries(List<Planned> notes) {
            notes.sort(Comparator.comparing(Planned::day));
            for (int i = 0; i < notes.size() - 2; i++) {
                Planned note = notes.get(i);
                Planned invoice = new Planned(note.day().plusDays(2));
                on(invoice.day(), () -> {
                    invoice.id = invoicing.invoice(List.of(note.id));
                    invoicing.issue(invoice.id);
                    invoices++;
                });
                pay(invoice, i);
            }
        }

        /**
         * Invoices typed in (workshop work, laser cutting, deliveries to site), one every eighteen
         * days: issued and mostly paid, one corrected ten days later, one cancelled the next day, the
         * newest a draft.
         */
        private void directInvoices() {
            for (int i = 0; i < DIRECT_INVOICES; i++) {
                int n = i;
                Planned invoice = new Planned(today.minusDays(18L * (DIRECT_INVOICES - 1 - i) + 3));
                List<LineForm> lines = new ArrayList<>();
                lines.add(line(SERVICES.get(i % 2), BigDecimal.valueOf(2 + random.nextInt(14))));
                if (i % 3 == 0) {
                    lines.add(line(SERVICES.get(2), BigDecimal.ONE));
                }
                on(invoice.day(), () -> {
                    DocumentForm form = documents.newForm(DocumentKind.INVOICE, client(n + 5));
                    form.setLines(lines);
                    invoice.id = documents.save(form);
                    invoices++;
                    if (n < DIRECT_INVOICES - 1) {
                        invoicing.issue(invoice.id);
                    }
                });
                if (i == DIRECT_INVOICES - 1) {
                    continue;
                }
                if (i == 3) {
                    on(invoice.day().plusDays(10), () -> correct(invoice.id));
                } else if (i == 7) {
                    on(invoice.day().plusDays(1), () -> invoicing.cancel(invoice.id, "Factura duplicada por error"));
                } else {
                    pay(invoice, i);
                }
            }
        }

        /** A corrective invoice for an invoice's first line: two hours too many were invoiced. */
        private void correct(UUID invoice) {
            UUID corrective = invoicing.correct(invoice, "Horas facturadas de más");
            DocumentForm form = documents.getForm(corrective);
            LineForm first = form.getLines().getFirst();
            first.setQuantity(BigDecimal.valueOf(-2));
            form.setLines(List.of(first));
            documents.save(form);
            invoicing.issue(corrective);
            invoices++;
        }

        /**
         * Two in three invoices are paid, twenty days after they were issued (by today at the latest);
         * every sixth in two instalments, the second still open. The others stay open, overdue once
         * their payment terms have passed.
         */
        private void pay(Planned invoice, int i) {
            if (i % 3 == 2) {
                return;
            }
            LocalDate paidOn = invoice.day().plusDays(20).isAfter(today)
                    ? today
                    : invoice.day().plusDays(20);
            on(paidOn, () -> {
                BigDecimal total = documents.document(invoice.id).totalAmount();
                if (i % 6 == 0) {
                    invoicing.registerPayment(
                            invoice.id,
                            paidOn,
                            total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN),
                            "transfer");
                } else {
                    invoicing.registerPayment(invoice.id, paidOn, total, i % 2 == 0 ? "transfer" : "card");
                }
            });
        }

        private UUID client(int i) {
            return clients.get(Math.floorMod(i, clients.size()));
        }

        /** {@code count} lines of different articles: goods, and a service now and then when asked. */
        private List<LineForm> lines(int count, boolean withServices) {
            List<String> pool = new ArrayList<>(GOODS);
            java.util.Collections.shuffle(pool, random);
            List<LineForm> lines = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                lines.add(line(pool.get(n), BigDecimal.valueOf(1 + random.nextInt(6))));
            }
            if (withServices && random.nextInt(3) == 0) {
                lines.add(
                        line(SERVICES.get(random.nextInt(SERVICES.size())), BigDecimal.valueOf(1 + random.nextInt(4))));
            }
            return lines;
        }

        private LineForm line(String code, BigDecimal quantity) {
            LineForm line = lineOf.computeIfAbsent(
                            code,
                            c -> documents.lineFor(articles.get(c).id(), BigDecimal.ONE, Locale.forLanguageTag("es")))
                    .copyFrom(null, quantity);
            if (random.nextInt(4) == 0) {
                line.setDiscountPercent(BigDecimal.valueOf(5L * (1 + random.nextInt(3))));
            }
            return line;
        }
    }
}

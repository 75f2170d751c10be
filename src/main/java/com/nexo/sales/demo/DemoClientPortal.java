package com.nexo.sales.demo;

import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.demo.DemoUsers;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * What the demo client (cliente@demo.nexo's account) finds in the client portal, beside its share of
 * the demo year ({@link DemoSales}): two quotes sent this week that wait for its answer, an order
 * confirmed, delivered and invoiced with the invoice still to pay, and an invoice paid. Made through
 * the sales services by the demo salesperson, in a transaction of its own after the demo year (so
 * today's numbers follow the year's); runs once: the documents' client reference marks them.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoClientPortal implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoClientPortal.class);

    /** The client reference of the documents made here. */
    static final String REFERENCE = "Portal demo";

    private static final String SEEDED = """
            SELECT EXISTS (SELECT 1 FROM sales_document WHERE account_id = :client AND client_reference LIKE :reference)
            """;

    private final SalesDocumentService documents;
    private final SalesFlowService flow;
    private final InvoicingService invoicing;
    private final DemoUsers users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoClientPortal(
            SalesDocumentService documents,
            SalesFlowService flow,
            InvoicingService invoicing,
            DemoUsers users,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.documents = documents;
        this.flow = flow;
        this.invoicing = invoicing;
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
        UUID client = DemoTenant.CLIENT_PARTY;
        boolean ran = users.runAs(
                DemoSales.SELLER,
                () -> transactions.executeWithoutResult(status -> {
                    if (Boolean.TRUE.equals(jdbc.sql(SEEDED)
                            .param("client", client)
                            .param("reference", REFERENCE + "%")
                            .query(Boolean.class)
                            .single())) {
                        return;
                    }
                    List<LineForm> goods = lines(List.of("TOR-DIN933-M8X30", "HER-TALADRO-18V", "EPI-GUANTES-NITR"));
                    List<LineForm> services = lines(List.of("SER-MO-TALLER", "SER-CORTE-LASER", "SER-PORTES"));
                    if (goods.isEmpty() || services.isEmpty()) {
                        LOG.warn("Demo client portal skipped: the demo articles are missing");
                        return;
                    }
                    LocalDate today = LocalDate.now(clock);
                    for (int n = 1; n <= 2; n++) {
                        DocumentForm quote = documents.newForm(DocumentKind.QUOTE, client);
                        quote.setValidUntil(today.plusDays(30));
                        quote.setLines(copies(n == 1 ? goods : services));
                        quote.setClientReference(REFERENCE + " · presupuesto " + n);
                        flow.send(documents.save(quote));
                    }
                    DocumentForm order = documents.newForm(DocumentKind.ORDER, client);
                    order.setLines(copies(services));
                    order.setClientReference(REFERENCE + " · pedido");
                    UUID orderId = documents.save(order);
                    flow.confirm(orderId);
                    UUID delivery = flow.deliver(orderId, null);
                    UUID due = invoicing.invoice(List.of(delivery));
                    invoicing.issue(due);
                    DocumentForm paid = documents.newForm(DocumentKind.INVOICE, client);
                    paid.setLines(copies(services.subList(0, 1)));
                    paid.setClientReference(REFERENCE + " · factura");
                    UUID paidId = documents.save(paid);
                    invoicing.issue(paidId);
                    invoicing.registerPayment(
                            paidId, today, documents.document(paidId).totalAmount(), "transfer");
                    LOG.info(
                            "Demo client portal: 2 quotes to answer, an order delivered and invoiced, an invoice paid");
                }));
        if (!ran) {
            LOG.warn("Demo client portal skipped: the demo salesperson {} does not exist", DemoSales.SELLER);
        }
    }

    /** Fresh copies of lines, one set per document. */
    private static List<LineForm> copies(List<LineForm> lines) {
        return lines.stream()
                .map(line -> line.copyFrom(null, line.getQuantity()))
                .toList();
    }

    private List<LineForm> lines(List<String> codes) {
        List<LineForm> lines = new ArrayList<>();
        for (String code : codes) {
            documents.articlesMatching(code, 1).stream()
                    .filter(article -> article.code().equals(code))
                    .findFirst()
                    .ifPresent(article -> lines.add(
                            documents.lineFor(article.id(), BigDecimal.valueOf(2), Locale.forLanguageTag("es"))));
        }
        return lines.size() == codes.size() ? lines : List.of();
    }
}

package com.nexo.purchasing.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.prices.PricesFixtures;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.testing.NexoSpringTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PDFs of a purchase order (in the order's language, with prices and totals) and of an RFQ (one
 * per invited supplier, in that supplier's language, without prices), and their sending by e-mail
 * to a real SMTP server started here, recorded in purchase_document_mail. The documents are written
 * by a fixture of this test, straight into the purchasing tables.
 */
@NexoSpringTest
class PurchasePrintTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    @Autowired
    private PurchasePrintService print;

    @Autowired
    private SupplierPriceService prices;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AccountService accounts;

    @Autowired
    private ArticleService articleService;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    private PricesFixtures fx;
    private UUID spanish;
    private UUID english;
    private String number;

    @BeforeEach
    void setUp() {
        fx = new PricesFixtures(users, accounts, prices, articleService, categories, warehouses, units);
        spanish = fx.supplier("Suministros Ibéricos", "es");
        english = fx.supplier("British Bolts", "en");
        number = "PO-" + fx.tag();
    }

    private void sql(String statement, Map<String, ?> params) {
        fx.as(
                PricesFixtures.ADMIN,
                () -> new TransactionTemplate(transactions).execute(status -> {
                    var spec = jdbc.sql(statement);
                    params.forEach(spec::param);
                    return spec.update();
                }));
    }

    /** An order of two lines (3 × 10.00 at 21 %, 2 × 5.50 at 10 %, 10 % off the second): base 39.90. */
    private UUID order(UUID supplier, String supplierName, String language, String status, String orderNumber) {
        UUID id = UUID.randomUUID();
        boolean numbered = orderNumber != null;
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", id);
        params.put("status", status);
        params.put("series", numbered ? "PO" : null);
        params.put("year", numbered ? 2026 : null);
        params.put("number", orderNumber);
        params.put("supplier", supplier);
        params.put("name", supplierName);
        params.put("language", language);
        sql("""
                INSERT INTO purchase_document (id, kind, status, series, number_year, number, supplier_id, supplier_name,
                                               supplier_tax_id, supplier_email, language, document_date, expected_date,
                                               payment_days, notes)
                VALUES (:id, 'ORDER', 'DRAFT', NULL, NULL, NULL, :supplier, :name, 'B12345678',
                        'pedidos@proveedor.test', :language, DATE '2026-04-01', DATE '2026-04-15', 30, 'Entregar por la mañana')
                """, params);
        // Lines are written while the order is a draft (past draft they are frozen), then it takes its state.
        lines(id, false);
        sql("""
                UPDATE purchase_document
                   SET status = :status, series = CAST(:series AS text), number_year = CAST(:year AS integer),
                       number = CAST(:number AS text)
                 WHERE id = :id
                """, params);
        return id;
    }

    private void lines(UUID document, boolean rfq) {
        sql(
                """
                INSERT INTO purchase_document_line (id, document_id, position, article_code, supplier_code, description,
                                                    quantity, unit_code, unit_price, discount_percent, tax_code, vat_percent)
                VALUES (:a, :doc, 1, 'TOR-8', 'SUP-8', 'Tornillo M8 inoxidable', 3, 'ud', :p1, 0, 'IVA21', 21),
                       (:b, :doc, 2, NULL, NULL, 'Arandela plana', 2, 'ud', :p2, :d2, 'IVA10', 10)
                """,
                Map.of(
                        "a",
                        UUID.randomUUID(),
                        "b",
                        UUID.randomUUID(),
                        "doc",
                        document,
                        "p1",
                        rfq ? java.math.BigDecimal.ZERO : new java.math.BigDecimal("10.00"),
                        "p2",
                        rfq ? java.math.BigDecimal.ZERO : new java.math.BigDecimal("5.50"),
                        "d2",
                        rfq ? java.math.BigDecimal.ZERO : new java.math.BigDecimal("10")));
    }

    private UUID rfq() {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO purchase_document (id, kind, status, series, number_year, number, document_date, expected_date)
                VALUES (:id, 'RFQ', 'DRAFT', NULL, NULL, NULL, DATE '2026-04-01', DATE '2026-04-10')
                """, Map.of("id", id));
        sql(
                """
                INSERT INTO purchase_rfq_supplier (rfq_id, supplier_id, supplier_name, supplier_email, language)
                VALUES (:id, :es, :esName, 'ofertas@iberica.test', 'es'), (:id, :en, :enName, 'quotes@bolts.test', 'en'),
                       (:id, :none, :noneName, NULL, 'es')
                """,
                Map.of(
                        "id",
                        id,
                        "es",
                        spanish,
                        "esName",
                        "Suministros Ibéricos " + fx.tag(),
                        "en",
                        english,
                        "enName",
                        "British Bolts " + fx.tag(),
                        "none",
                        fx.supplier("Sin correo", "es"),
                        "noneName",
                        "Sin correo " + fx.tag()));
        lines(id, true);
        sql("""
                UPDATE purchase_document SET status = 'SENT', series = 'RFQ', number_year = 2026, number = :number
                 WHERE id = :id
                """, Map.of("id", id, "number", "RFQ-" + fx.tag()));
        return id;
    }

    private static String text(byte[] pdf, String screenshot) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 60);
            Path out = Path.of("target", "screenshots", screenshot);
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
            Files.write(out.resolveSibling(screenshot.replace(".png", ".pdf")), pdf);
            // Words as the reader reads them, whatever line the layout wrapped them to.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void an_orders_pdf_carries_number_supplier_lines_and_totals_in_the_orders_language() throws Exception {
        UUID inSpanish = order(spanish, "Suministros Ibéricos " + fx.tag(), "es", "SENT", number);
        UUID inEnglish = order(english, "British Bolts " + fx.tag(), "en", "SENT", number + "-EN");

        String es = text(fx.as(PricesFixtures.READ_ONLY, () -> print.orderPdf(inSpanish)), "purchase-order-es.png");
        assertThat(es)
                .contains("Pedido de compra", number, "Suministros Ibéricos " + fx.tag(), "B12345678")
                .contains("SUP-8", "Tornillo M8 inoxidable", "Nuestra referencia: TOR-8", "Arandela plana")
                .contains("30,00", "9,90", "39,90", "6,30", "0,99", "47,19")
                .contains("Entrega prevista", "15 abr 2026", "Pago a 30 días", "Entregar por la mañana");
        String en = text(fx.as(PricesFixtures.READ_ONLY, () -> print.orderPdf(inEnglish)), "purchase-order-en.png");
        assertThat(en)
                .contains("Purchase order", number + "-EN", "British Bolts " + fx.tag())
                .contains("Our reference: TOR-8", "39.90", "47.19", "Expected delivery", "Payment at 30 days")
                .doesNotContain("Pedido de compra");
        assertThat(fx.as(PricesFixtures.READ_ONLY, () -> print.orderFileName(inEnglish)))
                .isEqualTo("Purchase-order-" + number + "-EN.pdf");
    }

    @Test
    void a_draft_order_says_so_and_has_no_number() throws Exception {
        UUID draft = order(spanish, "Suministros Ibéricos " + fx.tag(), "es", "DRAFT", null);
        assertThat(text(fx.as(PricesFixtures.READ_ONLY, () -> print.orderPdf(draft)), "purchase-order-draft.png"))
                .contains("Pedido de compra (Borrador)");
        assertThat(fx.as(PricesFixtures.READ_ONLY, () -> print.orderFileName(draft)))
                .isEqualTo("Pedido-de-compra-Borrador.pdf");
    }

    @Test
    void an_rfq_is_printed_for_each_supplier_in_its_language_and_without_prices() throws Exception {
        UUID rfq = rfq();
        String es = text(fx.as(PricesFixtures.READ_ONLY, () -> print.rfqPdf(rfq, spanish)), "purchase-rfq-es.png");
        assertThat(es)
                .contains("Solicitud de oferta", "RFQ-" + fx.tag(), "Suministros Ibéricos " + fx.tag())
                .contains("Tornillo M8 inoxidable", "Arandela plana", "Responder antes del", "10 abr 2026")
                .contains("Les rogamos nos indiquen precio unitario")
                .doesNotContain("British Bolts", "Total", "0,00");
        String en = text(fx.as(PricesFixtures.READ_ONLY, () -> print.rfqPdf(rfq, english)), "purchase-rfq-en.png");
        assertThat(en)
                .contains("Request for quotation", "RFQ-" + fx.tag(), "British Bolts " + fx.tag(), "Answer by")
                .doesNotContain("Suministros Ibéricos", "Total", "0.00");
        UUID notInvited = fx.supplier("Ajeno", "es");
        assertThatThrownBy(() -> fx.as(PricesFixtures.READ_ONLY, () -> print.rfqPdf(rfq, notInvited)))
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.print.error.not-invited"));
    }

    @Test
    void an_rfq_goes_to_each_supplier_with_an_e_mail_in_its_language_and_every_sending_is_recorded() throws Exception {
        UUID rfq = rfq();

        PurchasePrintService.RfqMailing mailing = fx.as(PricesFixtures.ADMIN, () -> print.emailRfqToAll(rfq, null));

        assertThat(mailing.sentTo()).containsExactlyInAnyOrder("ofertas@iberica.test", "quotes@bolts.test");
        assertThat(mailing.withoutEmail()).containsExactly("Sin correo " + fx.tag());
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(received).map(message -> {
                    try {
                        return message.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .anySatisfy(subject -> assertThat(subject).startsWith("Solicitud de oferta RFQ-" + fx.tag()))
                .anySatisfy(subject -> assertThat(subject).startsWith("Request for quotation RFQ-" + fx.tag()));
        assertThat(recorded(rfq)).containsExactlyInAnyOrder("ofertas@iberica.test", "quotes@bolts.test");
    }

    @Test
    void an_order_sent_by_e_mail_arrives_with_its_pdf_and_is_recorded() throws Exception {
        UUID order = order(english, "British Bolts " + fx.tag(), "en", "APPROVED", number);

        String to = fx.as(PricesFixtures.ADMIN, () -> print.emailOrder(order, null, null));

        assertThat(to).isEqualTo("pedidos@proveedor.test");
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).startsWith("Purchase order " + number);
        Multipart parts = (Multipart) received.getContent();
        Part attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachment = parts.getBodyPart(i);
            }
        }
        assertThat(attachment).isNotNull();
        assertThat(attachment.getFileName()).isEqualTo("Purchase-order-" + number + ".pdf");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(content);
        try (PDDocument pdf = Loader.loadPDF(content.toByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(number, "47.19");
        }
        assertThat(recorded(order)).containsExactly("pedidos@proveedor.test");
    }

    @Test
    void reading_a_pdf_needs_purchasing_read_and_sending_needs_purchasing_send() {
        UUID order = order(spanish, "Suministros Ibéricos " + fx.tag(), "es", "APPROVED", number);
        assertThatThrownBy(() -> fx.as(PricesFixtures.SALES, () -> print.orderPdf(order)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(PricesFixtures.READ_ONLY, () -> print.emailOrder(order, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(recorded(order)).isEmpty();
    }

    private List<String> recorded(UUID document) {
        return fx.as(
                PricesFixtures.ADMIN,
                () -> new TransactionTemplate(transactions)
                        .execute(status -> jdbc.sql(
                                        "SELECT recipient FROM purchase_document_mail WHERE document_id = :id")
                                .param("id", document)
                                .query(String.class)
                                .list()));
    }
}

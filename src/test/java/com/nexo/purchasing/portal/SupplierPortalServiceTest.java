package com.nexo.purchasing.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.files.FileStorage;
import com.nexo.base.ui.PortalNotices;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.RfqComparison;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.portal.SupplierPortal.AnswerInput;
import com.nexo.purchasing.portal.SupplierPortal.FileKind;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.ProposalInput;
import com.nexo.purchasing.portal.SupplierPortal.Rfq;
import com.nexo.security.Roles;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supplier portal's services as a supplier's portal user and a buyer use them, against the real
 * database as the application's role: the supplier answers its RFQ into the rows the buyer compares,
 * answers again only from the version it read, and not once the RFQ is closed; it proposes other
 * quantities and dates for its order, which the buyer sees and accepts into the order's lines; it
 * confirms, and ties files to its order that the buyer reads. Other suppliers and employees are
 * refused.
 */
@NexoSpringTest
class SupplierPortalServiceTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SupplierPortalService portal;

    @Autowired
    private SupplierResponseService responses;

    @Autowired
    private RfqService rfqs;

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private List<PortalNotices> notices;

    @Autowired
    private FileStorage fileStorage;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private SupplierPortalFixtures fixtures;

    @BeforeEach
    void twoSuppliersWithPortalUsers() {
        fixtures = new SupplierPortalFixtures(context);
    }

    @Test
    void a_supplier_answers_its_rfq_and_the_buyer_compares_the_answer_at_once() {
        UUID rfqId = fixtures.sentRfq();
        LocalDate today = LocalDate.now();

        assertThat(fixtures.asSupplier(() -> portal.rfqs(null, null, 50))).anySatisfy(row -> {
            assertThat(row.id()).isEqualTo(rfqId);
            assertThat(row.open()).isTrue();
            assertThat(row.invitation()).isEqualTo("SENT");
        });
        assertThat(fixtures.asSupplier(portal::rfqsToAnswer)).isOne();
        Rfq rfq = fixtures.asSupplier(() -> portal.rfq(rfqId));
        UUID boltLine = rfq.lines().get(0).id();
        UUID nutLine = rfq.lines().get(1).id();

        fixtures.asSupplier(() -> portal.answer(
                rfqId,
                rfq.version(),
                "OF-77",
                today.plusDays(20),
                List.of(
                        new AnswerInput(boltLine, new BigDecimal("1.90"), new BigDecimal("10"), today.plusDays(7)),
                        new AnswerInput(nutLine, null, null, null))));

        RfqComparison comparison = fixtures.purchasing.asBuyer(() -> rfqs.compare(rfqId));
        RfqComparison.Offer offer = comparison.rows().get(0).offers().get(fixtures.supplier);
        assertThat(offer.unitPrice()).isEqualByComparingTo("1.90");
        assertThat(offer.deliveryDate()).isEqualTo(today.plusDays(7));
        assertThat(comparison.rows().get(1).offers()).doesNotContainKey(fixtures.supplier);
        assertThat(fixtures.purchasing.asBuyer(() -> rfqs.rfq(rfqId)).suppliers())
                .filteredOn(s -> s.supplierId().equals(fixtures.supplier))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo("ANSWERED");
                    assertThat(s.supplierReference()).isEqualTo("OF-77");
                });
        assertThat(fixtures.asSupplier(portal::rfqsToAnswer)).isZero();

        // A second answer from the version first read: someone answered meanwhile.
        assertRule(
                () -> fixtures.asSupplier(() -> portal.answer(
                        rfqId,
                        rfq.version(),
                        null,
                        null,
                        List.of(new AnswerInput(boltLine, BigDecimal.ONE, BigDecimal.TEN, null)))),
                "purchasing.rule.changed-meanwhile");
        Rfq answered = fixtures.asSupplier(() -> portal.rfq(rfqId));
        assertThat(answered.lines().get(0).answerPrice()).isEqualByComparingTo("1.90");
        fixtures.asSupplier(() -> portal.answer(
                rfqId,
                answered.version(),
                "OF-78",
                null,
                List.of(new AnswerInput(nutLine, new BigDecimal("0.80"), new BigDecimal("5"), null))));
        Rfq again = fixtures.asSupplier(() -> portal.rfq(rfqId));
        assertThat(again.lines().get(0).answered())
                .as("a new answer replaces the old one")
                .isFalse();
        assertThat(again.lines().get(1).answerPrice()).isEqualByComparingTo("0.80");
        assertThat(again.reference()).isEqualTo("OF-78");

        assertRule(
                () -> fixtures.asSupplier(() -> portal.answer(
                        rfqId,
                        again.version(),
                        null,
                        null,
                        List.of(new AnswerInput(UUID.randomUUID(), BigDecimal.ONE, BigDecimal.ONE, null)))),
                "purchasing.rule.answer-unknown-line");
        assertRule(
                () -> fixtures.asSupplier(() -> portal.answer(
                        rfqId,
                        again.version(),
                        null,
                        null,
                        List.of(new AnswerInput(nutLine, BigDecimal.ONE, BigDecimal.ONE, today.minusDays(1))))),
                "portal.supplier.rule.date-past");

        // The buyer awards it: the RFQ is closed and read-only for the supplier.
        fixtures.purchasing.asBuyer(() -> rfqs.choose(rfqId, fixtures.supplier));
        Rfq closed = fixtures.asSupplier(() -> portal.rfq(rfqId));
        assertThat(closed.open()).isFalse();
        assertThat(closed.invitation()).isEqualTo("CHOSEN");
        assertRule(
                () -> fixtures.asSupplier(() -> portal.answer(
                        rfqId,
                        closed.version(),
                        null,
                        null,
                        List.of(new AnswerInput(nutLine, BigDecimal.ONE, BigDecimal.ONE, null)))),
                "portal.supplier.rule.rfq-closed");
    }

    @Test
    void another_supplier_finds_neither_the_rfq_nor_the_order_of_the_first() {
        UUID rfqId = fixtures.sentRfq();
        UUID orderId = fixtures.sentOrder();
        // The other supplier is invited to the RFQ too: it sees the RFQ but not the first's answer.
        Rfq seen = fixtures.asSupplier(() -> portal.rfq(rfqId));
        fixtures.asSupplier(() -> portal.answer(
                rfqId,
                seen.version(),
                null,
                null,
                List.of(new AnswerInput(seen.lines().get(0).id(), BigDecimal.TEN, BigDecimal.TEN, null))));
        Rfq theirs = fixtures.asOtherSupplier(() -> portal.rfq(rfqId));
        assertThat(theirs.lines()).noneMatch(SupplierPortal.RfqLine::answered);

        assertRule(() -> fixtures.asOtherSupplier(() -> portal.order(orderId)), "purchasing.rule.not-found");
        // The order's PDF: its own supplier gets it, the other one nothing.
        byte[] pdf = fixtures.asSupplier(() -> portal.orderPdf(orderId));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertRule(() -> fixtures.asOtherSupplier(() -> portal.orderPdf(orderId)), "purchasing.rule.not-found");
        assertThat(fixtures.asOtherSupplier(() -> portal.orders(null, null, 200)))
                .noneMatch(row -> row.id().equals(orderId));
        assertRule(
                () -> fixtures.asOtherSupplier(() -> {
                    portal.confirm(orderId, null, null);
                    return null;
                }),
                "purchasing.rule.not-found");
    }

    @Test
    void a_supplier_proposes_other_quantities_and_dates_and_the_buyer_accepts_them_into_the_order() {
        UUID orderId = fixtures.sentOrder();
        LocalDate later = LocalDate.now().plusDays(15);
        assertThat(fixtures.asSupplier(portal::ordersToConfirm)).isOne();
        Order order = fixtures.asSupplier(() -> portal.order(orderId));
        assertThat(order.respondable()).isTrue();
        UUID boltLine = order.lines().get(0).id();
        UUID nutLine = order.lines().get(1).id();

        assertRule(
                () -> fixtures.asSupplier(() -> {
                    portal.propose(
                            orderId,
                            null,
                            null,
                            List.of(new ProposalInput(boltLine, new BigDecimal("10"), order.expectedDate())));
                    return null;
                }),
                "portal.supplier.rule.proposal-no-change");
        fixtures.asSupplier(() -> portal.propose(
                orderId,
                null,
                "Solo tenemos 8 tornillos hasta fin de mes",
                List.of(
                        new ProposalInput(boltLine, new BigDecimal("8"), later),
                        new ProposalInput(nutLine, new BigDecimal("4"), order.expectedDate()))));
        assertThat(fixtures.asSupplier(portal::ordersToConfirm)).isZero();

        Order seen = fixtures.purchasing.asBuyer(() -> responses.order(orderId)).orElseThrow();
        assertThat(seen.response().status()).isEqualTo("PROPOSED");
        assertThat(seen.response().comment()).isEqualTo("Solo tenemos 8 tornillos hasta fin de mes");
        assertThat(seen.lines().get(0).proposedQuantity()).isEqualByComparingTo("8");
        assertThat(seen.lines().get(0).proposedDate()).isEqualTo(later);
        assertThat(seen.lines().get(1).proposedQuantity())
                .as("unchanged lines are not proposed")
                .isNull();

        assertRule(
                () -> fixtures.purchasing.asBuyer(() -> {
                    responses.accept(orderId, seen.response().version() + 1);
                    return null;
                }),
                "purchasing.rule.changed-meanwhile");
        fixtures.purchasing.asBuyer(
                () -> responses.accept(orderId, seen.response().version()));

        PurchaseDocument accepted = fixtures.purchasing.asBuyer(() -> orders.order(orderId));
        assertThat(accepted.lines())
                .extracting(PurchaseLine::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("8"), new BigDecimal("4"));
        assertThat(accepted.expectedDate()).isEqualTo(later);
        assertThat(accepted.totalAmount()).as("(8 × 2 + 4 × 1.50) × 1.21").isEqualByComparingTo("26.62");
        Order afterwards = fixtures.asSupplier(() -> portal.order(orderId));
        assertThat(afterwards.response().status()).isEqualTo("ACCEPTED");
        assertThat(afterwards.lines().get(0).deliveryDate()).isEqualTo(later);
        assertThat(afterwards.respondable()).isFalse();
        assertRule(
                () -> fixtures.asSupplier(() -> {
                    portal.confirm(orderId, afterwards.response().version(), null);
                    return null;
                }),
                "portal.supplier.rule.order-not-open");
    }

    @Test
    void a_rejected_proposal_leaves_the_order_and_the_supplier_confirms_it_then() {
        UUID orderId = fixtures.sentOrder();
        Order order = fixtures.asSupplier(() -> portal.order(orderId));
        fixtures.asSupplier(() -> portal.propose(
                orderId,
                null,
                null,
                List.of(new ProposalInput(order.lines().get(1).id(), new BigDecimal("3"), null))));
        long proposed = fixtures.purchasing
                .asBuyer(() -> responses.order(orderId))
                .orElseThrow()
                .response()
                .version();
        fixtures.purchasing.asBuyer(() -> responses.reject(orderId, proposed));
        assertThat(fixtures.purchasing
                        .asBuyer(() -> orders.order(orderId))
                        .lines()
                        .get(1)
                        .quantity())
                .isEqualByComparingTo("4");
        assertThat(fixtures.asSupplier(portal::ordersToConfirm))
                .as("rejected: to answer again")
                .isOne();

        Order rejected = fixtures.asSupplier(() -> portal.order(orderId));
        assertThat(rejected.response().status()).isEqualTo("REJECTED");
        assertRule(
                () -> fixtures.asSupplier(() -> {
                    portal.confirm(orderId, null, null);
                    return null;
                }),
                "purchasing.rule.changed-meanwhile");
        fixtures.asSupplier(() -> portal.confirm(orderId, rejected.response().version(), "De acuerdo"));
        Order confirmed =
                fixtures.purchasing.asBuyer(() -> responses.order(orderId)).orElseThrow();
        assertThat(confirmed.response().status()).isEqualTo("CONFIRMED");
        assertThat(confirmed.lines()).allMatch(line -> line.proposedQuantity() == null);
        assertRule(
                () -> fixtures.purchasing.asBuyer(() -> {
                    responses.accept(orderId, confirmed.response().version());
                    return null;
                }),
                "portal.supplier.rule.no-proposal");
    }

    @Test
    void a_supplier_ties_a_delivery_note_to_its_order_and_the_buyer_downloads_it() {
        UUID orderId = fixtures.sentOrder();
        byte[] content = "%PDF-1.4 albarán".getBytes(StandardCharsets.UTF_8);
        fixtures.asSupplier(() -> {
            try {
                portal.upload(
                        orderId,
                        FileKind.DELIVERY_NOTE,
                        "albaran-77.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(content));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Order seen = fixtures.purchasing.asBuyer(() -> responses.order(orderId)).orElseThrow();
        assertThat(seen.files()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("albaran-77.pdf");
            assertThat(file.kind()).isEqualTo("DELIVERY_NOTE");
        });
        UUID fileId = seen.files().getFirst().fileId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(fixtures.purchasing.asBuyer(() -> copy(() -> responses.copyFile(orderId, fileId, out))))
                .isTrue();
        assertThat(out.toByteArray()).isEqualTo(content);
        ByteArrayOutputStream stolen = new ByteArrayOutputStream();
        assertThat(fixtures.asOtherSupplier(() -> copy(() -> portal.copyFile(orderId, fileId, stolen))))
                .isFalse();
        assertThat(stolen.size()).isZero();
    }

    @Test
    void a_supplier_declines_its_rfq_with_a_reason_and_answers_it_only_after_withdrawing_the_decline() {
        UUID rfqId = fixtures.sentRfq();
        Rfq rfq = fixtures.asSupplier(() -> portal.rfq(rfqId));
        UUID boltLine = rfq.lines().get(0).id();
        fixtures.asSupplier(() -> portal.answer(
                rfqId,
                rfq.version(),
                null,
                null,
                List.of(new AnswerInput(boltLine, new BigDecimal("1.90"), BigDecimal.TEN, null))));
        Rfq answered = fixtures.asSupplier(() -> portal.rfq(rfqId));

        assertRule(
                () -> fixtures.asSupplier(() -> portal.decline(rfqId, rfq.version(), null)),
                "purchasing.rule.changed-meanwhile");
        fixtures.asSupplier(() -> portal.decline(rfqId, answered.version(), "  Sin existencias hasta marzo "));

        // The buyer sees the decline and its reason at once; the answer given before no longer stands.
        assertThat(fixtures.purchasing.asBuyer(() -> rfqs.rfq(rfqId)).suppliers())
                .filteredOn(s -> s.supplierId().equals(fixtures.supplier))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo("DECLINED");
                    assertThat(s.declineReason()).isEqualTo("Sin existencias hasta marzo");
                });
        assertThat(fixtures.purchasing
                        .asBuyer(() -> rfqs.compare(rfqId))
                        .rows()
                        .get(0)
                        .offers())
                .doesNotContainKey(fixtures.supplier);

        Rfq declined = fixtures.asSupplier(() -> portal.rfq(rfqId));
        assertThat(declined.declined()).isTrue();
        assertThat(declined.answerable()).isFalse();
        assertThat(declined.declineReason()).isEqualTo("Sin existencias hasta marzo");
        assertThat(declined.lines()).noneMatch(SupplierPortal.RfqLine::answered);
        assertThat(fixtures.asSupplier(portal::rfqsToAnswer)).isZero();
        assertRule(
                () -> fixtures.asSupplier(() -> portal.answer(
                        rfqId,
                        declined.version(),
                        null,
                        null,
                        List.of(new AnswerInput(boltLine, BigDecimal.ONE, BigDecimal.ONE, null)))),
                "portal.supplier.rule.rfq-declined");
        assertRule(
                () -> fixtures.asSupplier(() -> portal.decline(rfqId, declined.version(), "x".repeat(501))),
                "portal.supplier.rule.reason-long");
        assertRule(
                () -> fixtures.asOtherSupplier(() -> {
                    portal.withdrawDecline(rfqId, declined.version());
                    return null;
                }),
                "purchasing.rule.changed-meanwhile");

        fixtures.asSupplier(() -> portal.withdrawDecline(rfqId, declined.version()));
        Rfq reopened = fixtures.asSupplier(() -> portal.rfq(rfqId));
        assertThat(reopened.invitation()).isEqualTo("SENT");
        assertThat(reopened.declineReason()).isNull();
        assertThat(reopened.answerable()).isTrue();
        assertThat(fixtures.asSupplier(portal::rfqsToAnswer)).isOne();
        assertRule(
                () -> fixtures.asSupplier(() -> portal.withdrawDecline(rfqId, reopened.version())),
                "purchasing.rule.changed-meanwhile");
        fixtures.asSupplier(() -> portal.answer(
                rfqId,
                reopened.version(),
                null,
                null,
                List.of(new AnswerInput(boltLine, new BigDecimal("2.10"), BigDecimal.TEN, null))));
        assertThat(fixtures.purchasing.asBuyer(() -> rfqs.rfq(rfqId)).suppliers())
                .filteredOn(s -> s.supplierId().equals(fixtures.supplier))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("ANSWERED"));

        // Once the buyer awards the RFQ, nobody declines or withdraws any more.
        fixtures.purchasing.asBuyer(() -> rfqs.choose(rfqId, fixtures.supplier));
        Rfq closed = fixtures.asSupplier(() -> portal.rfq(rfqId));
        assertRule(
                () -> fixtures.asSupplier(() -> portal.decline(rfqId, closed.version(), null)),
                "portal.supplier.rule.rfq-closed");
    }

    @Test
    void a_supplier_deletes_its_own_upload_but_not_a_file_someone_else_stored_for_its_account() {
        UUID orderId = fixtures.sentOrder();
        fixtures.asSupplier(() -> uploadNote(orderId, "albaran-1.pdf"));
        Order uploaded = fixtures.asSupplier(() -> portal.order(orderId));
        assertThat(uploaded.files())
                .singleElement()
                .satisfies(file -> assertThat(file.mine()).isTrue());
        UUID own = uploaded.files().getFirst().fileId();

        // An employee hands the supplier's account a file, and it is tied to the same order.
        UUID handed = fixtures.purchasing.asBuyer(() -> inTransaction(() -> {
            try {
                return fileStorage
                        .storeForAccount(
                                fixtures.supplier,
                                "condiciones.pdf",
                                "application/pdf",
                                "purchase-order-file",
                                new ByteArrayInputStream("%PDF-1.4 c".getBytes(StandardCharsets.UTF_8)),
                                1024)
                        .id();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        fixtures.asSupplier(() -> inTransaction(
                () -> jdbc.sql("INSERT INTO purchase_order_file (id, order_id, file_id, supplier_id, kind)"
                                + " VALUES (gen_random_uuid(), :order, :file, :supplier, 'BILL')")
                        .param("order", orderId)
                        .param("file", handed)
                        .param("supplier", fixtures.supplier)
                        .update()));
        Order both = fixtures.asSupplier(() -> portal.order(orderId));
        assertThat(both.files())
                .filteredOn(file -> file.fileId().equals(handed))
                .singleElement()
                .satisfies(file -> assertThat(file.mine()).isFalse());

        assertRule(
                () -> fixtures.asSupplier(() -> portal.deleteFile(orderId, handed)),
                "portal.supplier.rule.file-not-yours");
        assertRule(
                () -> fixtures.asOtherSupplier(() -> {
                    portal.deleteFile(orderId, own);
                    return null;
                }),
                "purchasing.rule.not-found");
        assertRule(
                () -> fixtures.asSupplier(() -> portal.deleteFile(orderId, UUID.randomUUID())),
                "purchasing.rule.not-found");
        assertThatThrownBy(() -> fixtures.purchasing.asBuyer(() -> portal.deleteFile(orderId, own)))
                .isInstanceOf(AccessDeniedException.class);

        fixtures.asSupplier(() -> portal.deleteFile(orderId, own));
        Order seen = fixtures.purchasing.asBuyer(() -> responses.order(orderId)).orElseThrow();
        assertThat(seen.files())
                .as("the supplier's own file is gone, the handed one is still tied to the order")
                .extracting(SupplierPortal.OrderFile::fileId)
                .containsExactly(handed);
        assertThat(fixtures.purchasing.asBuyer(() -> inTransaction(() -> fileStorage.find(own))))
                .as("its bytes are gone too")
                .isEmpty();
    }

    private void uploadNote(UUID orderId, String name) {
        try {
            portal.upload(
                    orderId,
                    FileKind.DELIVERY_NOTE,
                    name,
                    "application/pdf",
                    new ByteArrayInputStream("%PDF-1.4 albarán".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    @Test
    void employees_are_refused_the_portal_and_suppliers_the_buyers_decisions() {
        UUID orderId = fixtures.sentOrder();
        assertThatThrownBy(() -> fixtures.purchasing.asBuyer(() -> portal.orders(null, null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.asSupplier(() -> responses.order(orderId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.asSupplier(() -> {
                    responses.accept(orderId, 0);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_home_page_notices_count_rfqs_to_answer_and_orders_to_confirm() {
        fixtures.sentRfq();
        fixtures.sentOrder();
        fixtures.sentOrder();
        PortalNotices supplierNotices = notices.stream()
                .filter(n -> n.actors().contains(Roles.SUPPLIER))
                .filter(n -> n.getClass().getName().contains("purchasing"))
                .findFirst()
                .orElseThrow();
        assertThat(fixtures.asSupplier(supplierNotices::pending))
                .extracting(PortalNotices.Notice::messageKey, PortalNotices.Notice::count, PortalNotices.Notice::route)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("portal.supplier.notice.rfqs", 1L, "portal/rfqs"),
                        org.assertj.core.groups.Tuple.tuple(
                                "portal.supplier.notice.orders", 2L, "portal/purchase-orders"));
    }

    private interface IoCall {
        boolean run() throws IOException;
    }

    private static boolean copy(IoCall call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRule(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}

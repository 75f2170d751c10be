package com.nexo.purchasing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.Rfq;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.ProposalInput;
import com.nexo.testing.NexoSpringTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The buyer hears of a supplier's response by e-mail, from a real SMTP server started here on the
 * port the tests' mail settings name: the employee who created the order gets it, in the tenant's
 * language (the demo tenant's is Spanish), naming the order and the supplier.
 */
@NexoSpringTest
class SupplierResponseMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SupplierPortalService portal;

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private RfqService rfqs;

    @Test
    void the_rfqs_creator_is_mailed_a_decline_with_its_reason() throws Exception {
        SupplierPortalFixtures fixtures = new SupplierPortalFixtures(context);
        UUID rfqId = fixtures.sentRfq();
        Rfq sent = fixtures.purchasing.asApprover(() -> rfqs.rfq(rfqId));
        String supplierName = sent.suppliers().stream()
                .filter(s -> s.supplierId().equals(fixtures.supplier))
                .findFirst()
                .orElseThrow()
                .supplierName();
        long version = fixtures.asSupplier(() -> portal.rfq(rfqId)).version();

        fixtures.asSupplier(() -> portal.decline(rfqId, version, "Sin existencias"));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getAllRecipients())
                .extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly(fixtures.purchasing.approver);
        assertThat(received.getSubject())
                .isEqualTo("Solicitud " + sent.document().number() + ": " + supplierName + " no oferta");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received)).contains("Sin existencias");
    }

    @Test
    void the_orders_creator_is_mailed_a_proposal_in_the_tenants_language() throws Exception {
        SupplierPortalFixtures fixtures = new SupplierPortalFixtures(context);
        UUID orderId = fixtures.sentOrder();
        PurchaseDocument sent = fixtures.purchasing.asApprover(() -> orders.order(orderId));
        Order order = fixtures.asSupplier(() -> portal.order(orderId));

        fixtures.asSupplier(() -> portal.propose(
                orderId,
                null,
                null,
                List.of(new ProposalInput(order.lines().get(0).id(), new BigDecimal("7"), null))));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getAllRecipients())
                .extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly(fixtures.purchasing.approver);
        assertThat(received.getSubject())
                .isEqualTo("Pedido " + sent.number() + ": " + sent.supplierName() + " propone cambios");
    }
}

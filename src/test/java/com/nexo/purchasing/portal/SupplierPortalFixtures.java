package com.nexo.purchasing.portal;

import com.nexo.purchasing.PurchasingFixtures;
import com.nexo.purchasing.documents.DraftOrder;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * What the supplier portal's tests start from, in the demo tenant: two supplier accounts, each with
 * a portal user of its own, a warehouse and two articles, and the buyer and approver of
 * {@link PurchasingFixtures}; RFQs and orders are made and sent through the purchasing services.
 */
public final class SupplierPortalFixtures {

    public final PurchasingFixtures purchasing;
    public final UUID supplier;
    public final String supplierUser;
    public final UUID otherSupplier;
    public final String otherSupplierUser;
    public final UUID warehouse;
    public final UUID bolts;
    public final UUID nuts;

    private final RfqService rfqs;
    private final PurchaseOrderService orders;

    public SupplierPortalFixtures(ApplicationContext context) {
        purchasing = new PurchasingFixtures(context);
        rfqs = context.getBean(RfqService.class);
        orders = context.getBean(PurchaseOrderService.class);
        UserService users = context.getBean(UserService.class);
        String tag = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        supplier = purchasing.supplier("Proveedora Portal " + tag);
        otherSupplier = purchasing.supplier("Otra Proveedora " + tag);
        supplierUser = "sup-" + tag + "@portal.test";
        otherSupplierUser = "sup2-" + tag + "@portal.test";
        purchasing.as(PurchasingFixtures.ADMIN, () -> {
            users.createUser(new NewUser(
                    supplierUser, "Proveedora " + tag, ActorType.SUPPLIER, supplier, Set.of(), "Prueba-2026!", null));
            users.createUser(new NewUser(
                    otherSupplierUser,
                    "Otra " + tag,
                    ActorType.SUPPLIER,
                    otherSupplier,
                    Set.of(),
                    "Prueba-2026!",
                    null));
            return null;
        });
        warehouse = purchasing.warehouse();
        bolts = purchasing.goods();
        nuts = purchasing.goods();
    }

    public <T> T asSupplier(java.util.function.Supplier<T> work) {
        return purchasing.as(supplierUser, work);
    }

    public void asSupplier(Runnable work) {
        purchasing.as(supplierUser, () -> {
            work.run();
            return null;
        });
    }

    public <T> T asOtherSupplier(java.util.function.Supplier<T> work) {
        return purchasing.as(otherSupplierUser, work);
    }

    /** A sent RFQ of 10 bolts and 5 nuts to the supplier and the other supplier. */
    public UUID sentRfq() {
        return purchasing.asApprover(() -> {
            UUID id = rfqs.create(DraftRfq.of(
                    warehouse,
                    LocalDate.now().plusDays(5),
                    List.of(
                            OrderLine.article(bolts, new BigDecimal("10"), BigDecimal.ZERO),
                            OrderLine.article(nuts, new BigDecimal("5"), BigDecimal.ZERO)),
                    List.of(supplier, otherSupplier)));
            rfqs.send(id, rfqs.rfq(id).document().version());
            return id;
        });
    }

    /** A sent order to the supplier: 10 bolts at 2 and 4 nuts at 1.50, expected in ten days. */
    public UUID sentOrder() {
        return purchasing.asApprover(() -> {
            UUID id = orders.create(new DraftOrder(
                    null,
                    null,
                    supplier,
                    warehouse,
                    LocalDate.now(),
                    LocalDate.now().plusDays(10),
                    null,
                    null,
                    List.of(
                            OrderLine.article(bolts, new BigDecimal("10"), new BigDecimal("2")),
                            OrderLine.article(nuts, new BigDecimal("4"), new BigDecimal("1.50")))));
            orders.submit(id, orders.order(id).version());
            if (orders.order(id).status() != com.nexo.purchasing.documents.PurchaseStatus.APPROVED) {
                orders.approve(id, orders.order(id).version());
            }
            orders.send(id, orders.order(id).version());
            return id;
        });
    }
}

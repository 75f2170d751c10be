package com.nexo.purchasing.portal;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseOrderService.ProposedLine;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.OrderLine;
import com.nexo.purchasing.portal.SupplierPortal.Response;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's side of the supplier portal, on a purchase order's page: what the supplier
 * answered (a confirmation, or a proposal of other quantities and dates) and the files it tied to the
 * order; the buyer accepts a proposal, which changes the order's lines, or rejects it.
 */
@Service
public class SupplierResponseService {

    private final SupplierPortalStore store;
    private final SupplierPortalService portal;
    private final PurchaseOrderService orders;

    SupplierResponseService(SupplierPortalStore store, SupplierPortalService portal, PurchaseOrderService orders) {
        this.store = store;
        this.portal = portal;
        this.orders = orders;
    }

    /** The order as its supplier answered it (response, proposed lines, files); empty before it is sent. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public Optional<Order> order(UUID orderId) {
        return store.order(orderId).map(portal::withFiles);
    }

    /**
     * Accepts the supplier's proposal read at {@code version}: the order's lines take the proposed
     * quantities and delivery dates.
     */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public void accept(UUID orderId, long version) {
        Response response = proposal(orderId, version);
        Order order = store.order(orderId).orElseThrow(SupplierPortalService::notFound);
        Map<UUID, ProposedLine> proposed = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.proposedQuantity() != null) {
                proposed.put(line.id(), new ProposedLine(line.proposedQuantity(), line.proposedDate()));
            }
        }
        if (!store.decide(response.id(), version, "ACCEPTED")) {
            throw SupplierPortalService.changedMeanwhile();
        }
        orders.applyAcceptedProposal(orderId, proposed);
    }

    /** Rejects the supplier's proposal read at {@code version}: the order stays as it was sent. */
    @Transactional
    @RolesAllowed(PurchasingPermissions.EDIT)
    public void reject(UUID orderId, long version) {
        Response response = proposal(orderId, version);
        if (!store.decide(response.id(), version, "REJECTED")) {
            throw SupplierPortalService.changedMeanwhile();
        }
    }

    /** Writes a file the supplier tied to the order; false when there is no such file. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public boolean copyFile(UUID orderId, UUID fileId, OutputStream out) throws IOException {
        return portal.copyOwnFile(orderId, fileId, out);
    }

    private Response proposal(UUID orderId, long version) {
        Response response = store.response(orderId, true).orElseThrow(SupplierPortalService::notFound);
        if (response.version() != version) {
            throw SupplierPortalService.changedMeanwhile();
        }
        if (!response.awaitsBuyer()) {
            throw new PurchasingRuleException("portal.supplier.rule.no-proposal");
        }
        return response;
    }
}

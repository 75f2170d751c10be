package com.nexo.purchasing.ui;

import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.OrderFile;
import com.nexo.purchasing.portal.SupplierPortal.OrderLine;
import com.nexo.purchasing.portal.SupplierPortal.Response;
import com.nexo.purchasing.portal.SupplierResponseService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * On a purchase order's page: what the supplier answered through its portal (a confirmation, or a
 * proposal of other quantities and dates per line with its comment), the buyer's accept or reject of
 * a proposal, and the delivery notes and bills the supplier tied to the order.
 */
class SupplierResponseSection extends Div {

    private final transient SupplierResponseService responses;
    private final Runnable changed;
    final Span status = new Span();
    final Div proposal = new Div();
    final Button accept = new Button();
    final Button reject = new Button();
    final Div files = new Div();
    private Registration onAccept;
    private Registration onReject;

    SupplierResponseSection(SupplierResponseService responses, Runnable changed) {
        this.responses = responses;
        this.changed = changed;
        addClassName("supplier-response");
        status.addClassNames("status-badge", "supplier-response-status");
        status.setId("supplier-response-status");
        accept.setText(getTranslation("portal.supplier.buyer.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reject.setText(getTranslation("portal.supplier.buyer.reject"));
        files.addClassName("supplier-response-files");
        add(status, proposal, new Div(accept, reject), files);
    }

    /** Shows the order's response and files; false when the order has none to show (not sent). */
    boolean show(UUID orderId) {
        Optional<Order> found = responses.order(orderId);
        if (found.isEmpty()) {
            return false;
        }
        Order order = found.get();
        Response response = order.response();
        proposal.removeAll();
        status.setText(statusText(response));
        status.getElement().setAttribute("data-status", response == null ? "NONE" : response.status());
        if (response != null) {
            proposal.add(new Paragraph(
                    getTranslation("portal.supplier.buyer.responded-at", Format.dateTime(response.respondedAt()))));
            if (response.comment() != null) {
                proposal.add(new Paragraph(getTranslation("portal.supplier.buyer.comment", response.comment())));
            }
            for (OrderLine line : order.lines()) {
                if (line.proposedQuantity() == null) {
                    continue;
                }
                Paragraph proposed = new Paragraph(getTranslation(
                        "portal.supplier.buyer.proposed-line",
                        line.position() + ". " + line.description(),
                        Format.decimal(line.quantity(), 0, 4),
                        Format.decimal(line.proposedQuantity(), 0, 4),
                        line.proposedDate() == null ? "—" : Format.date(line.proposedDate())));
                proposed.addClassName("supplier-proposed-line");
                proposal.add(proposed);
            }
        }
        boolean decidable = response != null && response.awaitsBuyer() && CurrentUser.can(PurchasingPermissions.EDIT);
        accept.setVisible(decidable);
        reject.setVisible(decidable);
        if (onAccept != null) {
            onAccept.remove();
            onReject.remove();
            onAccept = null;
        }
        if (decidable) {
            long version = response.version();
            onAccept = accept.addClickListener(click ->
                    decide(() -> responses.accept(orderId, version), getTranslation("portal.supplier.buyer.accepted")));
            onReject = reject.addClickListener(click ->
                    decide(() -> responses.reject(orderId, version), getTranslation("portal.supplier.buyer.rejected")));
        }
        showFiles(order);
        return true;
    }

    private String statusText(Response response) {
        if (response == null) {
            return getTranslation("portal.supplier.buyer.waiting");
        }
        return switch (response.status()) {
            case "CONFIRMED" -> getTranslation("portal.supplier.buyer.status.confirmed");
            case "PROPOSED" -> getTranslation("portal.supplier.buyer.status.proposed");
            case "ACCEPTED" -> getTranslation("portal.supplier.buyer.status.accepted");
            default -> getTranslation("portal.supplier.buyer.status.rejected");
        };
    }

    private void showFiles(Order order) {
        files.removeAll();
        UUID orderId = order.id();
        for (OrderFile file : order.files()) {
            String kind = "BILL".equals(file.kind())
                    ? getTranslation("portal.supplier.file.bill")
                    : getTranslation("portal.supplier.file.delivery-note");
            files.add(new Div(
                    new Span(kind + " · " + Format.dateTime(file.uploadedAt())),
                    new DownloadLink(file.name(), file.name(), file.contentType(), out -> {
                        if (!responses.copyFile(orderId, file.fileId(), out)) {
                            throw new IOException("File " + file.fileId() + " is no longer there");
                        }
                    })));
        }
    }

    private void decide(Runnable decision, String done) {
        try {
            decision.run();
            Notices.success(done);
        } catch (PurchasingRuleException refusal) {
            Notices.error(PurchaseTexts.refusal(this, refusal));
        }
        changed.run();
    }
}

package com.nexo.purchasing.portal.ui;

import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.portal.SupplierPortal.AnswerInput;
import com.nexo.purchasing.portal.SupplierPortal.Rfq;
import com.nexo.purchasing.portal.SupplierPortal.RfqLine;
import com.nexo.purchasing.portal.SupplierPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One of the supplier's RFQs: what is asked, line by line, and the supplier's answer to each line
 * (price, quantity, delivery date) with its quotation reference and validity. While the RFQ is open
 * the supplier sends its answer, or a new one that replaces it, or declines to quote (with an
 * optional reason); a declined RFQ is read-only until the supplier withdraws its decline, and a
 * closed one is read-only.
 */
@Route("portal/rfqs/:id")
@RolesAllowed(Roles.SUPPLIER)
public class SupplierRfqView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SupplierPortalService portal;
    private Rfq rfq;

    private final H2 title = new H2();
    final Span state = new Span();
    private final Div data = new Div();
    final Div lines = new Div();
    final TextField reference = new TextField();
    final DatePicker validUntil = new DatePicker();
    final Button send = new Button();
    final Button decline = new Button();
    final Button withdraw = new Button();
    final Paragraph declined = new Paragraph();
    final List<LineFields> fields = new ArrayList<>();

    /** The inputs of one line's answer. */
    record LineFields(UUID lineId, BigDecimalField price, BigDecimalField quantity, DatePicker date) {}

    public SupplierRfqView(SupplierPortalService portal) {
        this.portal = portal;
        addClassNames("account-detail", "portal-supplier-rfq");
        state.addClassName("status-badge");
        reference.setLabel(getTranslation("portal.supplier.rfq.reference"));
        reference.setMaxLength(60);
        validUntil.setLabel(getTranslation("portal.supplier.rfq.valid-until"));
        send.setText(getTranslation("portal.supplier.rfq.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> send());
        decline.setText(getTranslation("portal.supplier.rfq.decline"));
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
        decline.addClickListener(click -> openDecline());
        withdraw.setText(getTranslation("portal.supplier.rfq.withdraw"));
        withdraw.addClickListener(click -> withdraw());
        declined.addClassName("portal-rfq-declined");
        lines.addClassName("portal-answer-lines");
        Div answer = new Div(reference, validUntil);
        answer.addClassName("portal-answer-header");
        add(
                SupplierPortalPages.header(title, state),
                DetailSections.section(getTranslation("portal.supplier.rfq.data"), data),
                DetailSections.section(
                        getTranslation("portal.supplier.rfq.lines"),
                        declined,
                        answer,
                        lines,
                        new Div(send, decline, withdraw)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SupplierPortalPages.load(event, portal::rfq).ifPresent(this::show);
    }

    private void show(Rfq shown) {
        rfq = shown;
        title.setText(getTranslation("portal.supplier.rfq.heading", rfq.number()));
        state.setText(SupplierPortalTexts.rfqState(this, rfq.open(), rfq.invitation()));
        data.removeAll();
        data.add(new Paragraph(getTranslation("portal.supplier.rfq.date") + ": " + Format.date(rfq.documentDate())));
        if (rfq.answerBy() != null) {
            data.add(new Paragraph(
                    getTranslation("portal.supplier.rfq.answer-by") + ": " + Format.date(rfq.answerBy())));
        }
        if (rfq.notes() != null) {
            data.add(new Paragraph(rfq.notes()));
        }
        reference.setValue(rfq.reference() == null ? "" : rfq.reference());
        validUntil.setValue(rfq.validUntil());
        lines.removeAll();
        fields.clear();
        for (RfqLine line : rfq.lines()) {
            Div row = new Div();
            row.addClassName("portal-answer-line");
            Span asked = new Span(getTranslation(
                    "portal.supplier.rfq.line",
                    line.position(),
                    line.supplierCode() == null ? line.description() : line.supplierCode() + " · " + line.description(),
                    Format.decimal(line.quantity(), 0, 4),
                    line.unitCode() == null ? "" : line.unitCode()));
            BigDecimalField price = new BigDecimalField(getTranslation("portal.supplier.rfq.price"));
            price.setValue(line.answerPrice());
            BigDecimalField quantity = new BigDecimalField(getTranslation("portal.supplier.rfq.quantity"));
            quantity.setValue(line.answered() ? line.answerQuantity() : line.quantity());
            DatePicker date = new DatePicker(getTranslation("portal.supplier.rfq.delivery"));
            date.setValue(line.answerDate());
            price.setReadOnly(!rfq.answerable());
            quantity.setReadOnly(!rfq.answerable());
            date.setReadOnly(!rfq.answerable());
            fields.add(new LineFields(line.id(), price, quantity, date));
            row.add(asked, price, quantity, date);
            lines.add(row);
        }
        reference.setReadOnly(!rfq.answerable());
        validUntil.setReadOnly(!rfq.answerable());
        send.setVisible(rfq.answerable());
        decline.setVisible(rfq.answerable());
        withdraw.setVisible(rfq.open() && rfq.declined());
        declined.setVisible(rfq.declined());
        declined.setText(
                rfq.declineReason() == null
                        ? getTranslation("portal.supplier.rfq.declined")
                        : getTranslation("portal.supplier.rfq.declined-because", rfq.declineReason()));
        boolean answered = "ANSWERED".equals(rfq.invitation());
        send.setText(
                answered
                        ? getTranslation("portal.supplier.rfq.send-again")
                        : getTranslation("portal.supplier.rfq.send"));
        PageTitles.refresh(this);
    }

    private void send() {
        List<AnswerInput> answer = new ArrayList<>();
        for (LineFields line : fields) {
            if (line.price().getValue() == null) {
                continue;
            }
            answer.add(new AnswerInput(
                    line.lineId(),
                    line.price().getValue(),
                    line.quantity().getValue(),
                    line.date().getValue()));
        }
        try {
            portal.answer(rfq.id(), rfq.version(), reference.getValue(), validUntil.getValue(), answer);
            Notices.success(getTranslation("portal.supplier.rfq.sent"));
            show(portal.rfq(rfq.id()));
        } catch (PurchasingRuleException refusal) {
            Notices.error(SupplierPortalTexts.refusal(this, refusal));
        }
    }

    /** Asks for the optional reason, then declines. */
    void openDecline() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("portal.supplier.rfq.decline.title", rfq.number()));
        TextArea reason = new TextArea(getTranslation("portal.supplier.rfq.decline.reason"));
        reason.setMaxLength(SupplierPortalService.MAX_DECLINE_REASON);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("portal.supplier.rfq.decline.save"), click -> {
            if (declineWith(reason.getValue())) {
                dialog.close();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(new Paragraph(getTranslation("portal.supplier.rfq.decline.intro")), reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    /** Declines the RFQ with {@code reason}; false (with the refusal shown) when it was refused. */
    boolean declineWith(String reason) {
        try {
            portal.decline(rfq.id(), rfq.version(), reason);
            Notices.success(getTranslation("portal.supplier.rfq.declined-done"));
            show(portal.rfq(rfq.id()));
            return true;
        } catch (PurchasingRuleException refusal) {
            Notices.error(SupplierPortalTexts.refusal(this, refusal));
            return false;
        }
    }

    private void withdraw() {
        try {
            portal.withdrawDecline(rfq.id(), rfq.version());
            Notices.success(getTranslation("portal.supplier.rfq.withdrawn"));
            show(portal.rfq(rfq.id()));
        } catch (PurchasingRuleException refusal) {
            Notices.error(SupplierPortalTexts.refusal(this, refusal));
        }
    }

    @Override
    public String getPageTitle() {
        return rfq == null
                ? getTranslation("portal.supplier.rfq.title")
                : getTranslation("portal.supplier.rfq.heading", rfq.number());
    }
}

package com.nexo.purchasing.portal.ui;

import com.nexo.base.Ids;
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
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One of the supplier's RFQs: what is asked, line by line, and the supplier's answer to each line
 * (price, quantity, delivery date) with its quotation reference and validity. While the RFQ is open
 * the supplier sends its answer, or a new one that replaces it; a closed RFQ is shown read-only.
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
        lines.addClassName("portal-answer-lines");
        Div header = new Div(title, state);
        header.addClassName("detail-header");
        Div answer = new Div(reference, validUntil);
        answer.addClassName("portal-answer-header");
        add(
                header,
                DetailSections.section(getTranslation("portal.supplier.rfq.data"), data),
                DetailSections.section(getTranslation("portal.supplier.rfq.lines"), answer, lines, send));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            show(portal.rfq(id.get()));
        } catch (PurchasingRuleException notFound) {
            // Not there, or not this supplier's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
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
            price.setReadOnly(!rfq.open());
            quantity.setReadOnly(!rfq.open());
            date.setReadOnly(!rfq.open());
            fields.add(new LineFields(line.id(), price, quantity, date));
            row.add(asked, price, quantity, date);
            lines.add(row);
        }
        reference.setReadOnly(!rfq.open());
        validUntil.setReadOnly(!rfq.open());
        send.setVisible(rfq.open());
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

    @Override
    public String getPageTitle() {
        return rfq == null
                ? getTranslation("portal.supplier.rfq.title")
                : getTranslation("portal.supplier.rfq.heading", rfq.number());
    }
}

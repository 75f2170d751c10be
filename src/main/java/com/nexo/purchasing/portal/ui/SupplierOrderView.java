package com.nexo.purchasing.portal.ui;

import com.nexo.base.ui.DeleteConfirmation;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.SingleFileUpload;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.portal.SupplierPortal.FileKind;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortal.OrderFile;
import com.nexo.purchasing.portal.SupplierPortal.OrderLine;
import com.nexo.purchasing.portal.SupplierPortal.ProposalInput;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One of the supplier's purchase orders: its lines and amounts, where its response stands, and the
 * delivery notes and bills tied to it. While the order is sent and not yet confirmed (or a proposal
 * is pending or was rejected), the supplier confirms it as it is, or proposes other quantities and
 * delivery dates per line with a comment. Files are uploaded here as well, and the user deletes the
 * ones it uploaded itself.
 */
@Route("portal/purchase-orders/:id")
@RolesAllowed(Roles.SUPPLIER)
public class SupplierOrderView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SupplierPortalService portal;
    private Order order;

    private final H2 title = new H2();
    /** Holds the link to the order's PDF, once the order is known. */
    private final Div printed = new Div();

    final Span state = new Span();
    final Span response = new Span();
    private final Div data = new Div();
    final Div lines = new Div();
    final TextArea comment = new TextArea();
    final Button confirm = new Button();
    final Button propose = new Button();
    private final Div respond = new Div();
    final Div files = new Div();
    final Select<FileKind> fileKind = new Select<>();
    final SingleFileUpload upload;
    final List<LineFields> fields = new ArrayList<>();

    /** What a supplier may tie to an order. */
    static final List<String> ACCEPTED = List.of(".pdf", ".png", ".jpg", ".jpeg", ".xml", ".zip");

    /** The inputs of one line of a proposal, with the quantity and date ordered. */
    record LineFields(OrderLine line, BigDecimalField quantity, DatePicker date) {}

    public SupplierOrderView(SupplierPortalService portal) {
        this.portal = portal;
        addClassNames("account-detail", "portal-supplier-order");
        state.addClassName("status-badge");
        response.addClassNames("status-badge", "portal-response-badge");
        response.setId("portal-order-response");
        comment.setId("portal-order-comment");
        comment.setLabel(getTranslation("portal.supplier.order.comment"));
        comment.setMaxLength(1000);
        comment.setWidthFull();
        confirm.setId("portal-order-confirm");
        confirm.setText(getTranslation("portal.supplier.order.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> confirm());
        propose.setId("portal-order-propose");
        propose.setText(getTranslation("portal.supplier.order.propose"));
        propose.addClickListener(click -> propose());
        respond.addClassName("portal-respond");
        respond.add(comment, new Div(confirm, propose));
        lines.addClassName("portal-order-lines");

        fileKind.setLabel(getTranslation("portal.supplier.file.kind"));
        fileKind.setItems(FileKind.values());
        fileKind.setItemLabelGenerator(kind -> SupplierPortalTexts.fileKind(this, kind.name()));
        fileKind.setValue(FileKind.DELIVERY_NOTE);
        upload = new SingleFileUpload(SupplierPortalService.MAX_FILE_BYTES, ACCEPTED, this::uploaded);

        add(
                SupplierPortalPages.header(title, state, response, printed),
                DetailSections.section(getTranslation("portal.supplier.order.data"), data),
                DetailSections.section(getTranslation("portal.supplier.order.lines"), lines, respond),
                DetailSections.section(getTranslation("portal.supplier.file.title"), files, fileKind, upload));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SupplierPortalPages.load(event, portal::order).ifPresent(this::show);
    }

    private void show(Order shown) {
        order = shown;
        title.setText(getTranslation("portal.supplier.order.heading", order.number()));
        UUID orderId = order.id();
        // The order as the buyer sent it, printed when the link is followed.
        DownloadLink pdf = new DownloadLink(
                getTranslation("documents.action.print"),
                order.number().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf",
                "application/pdf",
                out -> out.write(portal.orderPdf(orderId)));
        pdf.addClassName("document-pdf");
        printed.removeAll();
        printed.add(pdf);
        state.setText(SupplierPortalTexts.orderStatus(this, order.status()));
        response.setText(SupplierPortalTexts.response(
                this, order.response() == null ? null : order.response().status()));
        data.removeAll();
        data.add(
                new Paragraph(getTranslation("portal.supplier.order.date") + ": " + Format.date(order.documentDate())));
        if (order.expectedDate() != null) {
            data.add(new Paragraph(
                    getTranslation("portal.supplier.order.expected") + ": " + Format.date(order.expectedDate())));
        }
        data.add(new Paragraph(getTranslation(
                "portal.supplier.order.amounts",
                Format.money(order.base(), order.currency()),
                Format.money(order.vat(), order.currency()),
                Format.money(order.total(), order.currency()))));
        if (order.notes() != null) {
            data.add(new Paragraph(order.notes()));
        }
        if (order.response() != null && order.response().comment() != null) {
            data.add(new Paragraph(getTranslation(
                    "portal.supplier.order.your-comment", order.response().comment())));
        }
        boolean open = order.respondable();
        lines.removeAll();
        fields.clear();
        for (OrderLine line : order.lines()) {
            Div row = new Div();
            row.addClassName("portal-order-line");
            Span ordered = new Span(getTranslation(
                    "portal.supplier.order.line",
                    line.position() + ". "
                            + (line.supplierCode() == null
                                    ? line.description()
                                    : line.supplierCode() + " · " + line.description()),
                    Format.decimal(line.quantity(), 0, 4) + (line.unitCode() == null ? "" : " " + line.unitCode()),
                    Format.price(line.unitPrice(), order.currency()),
                    Format.money(line.netAmount(), order.currency())));
            BigDecimalField quantity = new BigDecimalField(getTranslation("portal.supplier.order.quantity"));
            quantity.setValue(line.proposedQuantity() != null ? line.proposedQuantity() : line.quantity());
            DatePicker date = new DatePicker(getTranslation("portal.supplier.order.delivery"));
            date.setId("portal-order-date-" + line.position());
            if (line.proposedDate() != null) {
                date.setValue(line.proposedDate());
            } else {
                date.setValue(line.deliveryDate() != null ? line.deliveryDate() : order.expectedDate());
            }
            quantity.setReadOnly(!open);
            date.setReadOnly(!open);
            fields.add(new LineFields(line, quantity, date));
            row.add(ordered, quantity, date);
            lines.add(row);
        }
        comment.setValue(
                order.response() == null || order.response().comment() == null
                        ? ""
                        : order.response().comment());
        respond.setVisible(open);
        showFiles();
        PageTitles.refresh(this);
    }

    private void showFiles() {
        files.removeAll();
        if (order.files().isEmpty()) {
            files.add(new Paragraph(getTranslation("portal.supplier.file.none")));
        }
        UUID orderId = order.id();
        for (OrderFile file : order.files()) {
            Div row = new Div(
                    new Span(SupplierPortalTexts.fileKind(this, file.kind()) + " · "
                            + Format.dateTime(file.uploadedAt())),
                    new DownloadLink(file.name(), file.name(), file.contentType(), out -> {
                        if (!portal.copyFile(orderId, file.fileId(), out)) {
                            throw new IOException("File " + file.fileId() + " is no longer there");
                        }
                    }));
            row.addClassName("portal-order-file");
            if (file.mine()) {
                Button delete = DeleteConfirmation.button(
                        getTranslation("portal.supplier.file.delete"),
                        getTranslation("portal.supplier.file.delete.title", file.name()),
                        getTranslation("portal.supplier.file.delete.text"),
                        () -> deleteFile(file));
                delete.addClassName("portal-file-delete");
                row.add(delete);
            }
            files.add(row);
        }
    }

    /** Deletes one of the user's own files of this order. */
    void deleteFile(OrderFile file) {
        act(
                () -> portal.deleteFile(order.id(), file.fileId()),
                getTranslation("portal.supplier.file.deleted", file.name()));
    }

    private void confirm() {
        act(
                () -> portal.confirm(order.id(), responseVersion(), comment.getValue()),
                getTranslation("portal.supplier.order.confirmed"));
    }

    private void propose() {
        List<ProposalInput> proposal = new ArrayList<>();
        for (LineFields line : fields) {
            proposal.add(new ProposalInput(
                    line.line().id(), line.quantity().getValue(), line.date().getValue()));
        }
        act(
                () -> portal.propose(order.id(), responseVersion(), comment.getValue(), proposal),
                getTranslation("portal.supplier.order.proposed"));
    }

    private Long responseVersion() {
        return order.response() == null ? null : order.response().version();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notices.success(done);
            show(portal.order(order.id()));
        } catch (PurchasingRuleException refusal) {
            Notices.error(SupplierPortalTexts.refusal(this, refusal));
        }
    }

    /** Ties an uploaded file, of the kind chosen, to the order. */
    void uploaded(String name, String contentType, InputStream content) throws IOException {
        try {
            portal.upload(order.id(), fileKind.getValue(), name, contentType, content);
        } catch (PurchasingRuleException refusal) {
            Notices.error(SupplierPortalTexts.refusal(this, refusal));
            return;
        }
        Notices.success(getTranslation("portal.supplier.file.uploaded", name));
        show(portal.order(order.id()));
    }

    @Override
    public String getPageTitle() {
        return order == null
                ? getTranslation("portal.supplier.order.title")
                : getTranslation("portal.supplier.order.heading", order.number());
    }
}

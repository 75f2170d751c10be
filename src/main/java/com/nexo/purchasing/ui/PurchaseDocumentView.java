package com.nexo.purchasing.ui;

import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.base.Ids;
import com.nexo.base.mail.MailDeliveryException;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.documents.DocumentOutput;
import com.nexo.base.ui.documents.DocumentPageParts;
import com.nexo.base.ui.documents.DocumentReasonDialog;
import com.nexo.base.ui.documents.DocumentTotalsBox;
import com.nexo.base.ui.documents.RelatedDocuments;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.documents.OrderPage;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.PurchaseTotals;
import com.nexo.purchasing.documents.RelatedDocument;
import com.nexo.purchasing.documents.Rfq;
import com.nexo.purchasing.documents.RfqComparison;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.documents.RfqSupplier;
import com.nexo.purchasing.pages.PurchasePageExtras;
import com.nexo.purchasing.portal.SupplierResponseService;
import com.nexo.purchasing.print.PurchasePrintService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One purchase order ({@code purchasing/orders/<id>}) or request for quotation ({@code
 * purchasing/rfqs/<id>}) seen whole: supplier(s), warehouse and dates, its state and who approved it,
 * its lines (an order's with what has been received and billed), totals, related documents and
 * timeline. The buttons are the steps its state allows and the user may take; each is one service
 * call. A refusal is shown translated with nothing changed; a step over someone else's newer version
 * is explained with a button to load it. An RFQ also lists its suppliers, records their answers and
 * compares them side by side, where one is chosen.
 */
@Route("purchasing/orders/:id")
@RouteAlias("purchasing/rfqs/:id")
@RolesAllowed(PurchasingPermissions.READ)
public class PurchaseDocumentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "id";

    private final transient PurchaseOrderService orders;
    private final transient RfqService rfqs;
    private final transient PurchasePageExtras extras;
    private final transient PurchasePrintService print;
    private final transient SupplierBillService bills;
    private final transient PurchaseSettingsService settings;
    private final transient Clock clock;

    private PurchaseDocument document;
    private OrderPage orderPage;
    private Rfq rfq;

    private final H2 title = new H2();
    private final Span supplier = new Span();
    final Span state = new Span();
    final Span approval = new Span();
    private final Div actions = new Div();
    /** The buttons shown, by step ({@code edit}, {@code submit}, {@code approve}, {@code send}…). */
    final Map<String, Button> buttons = new LinkedHashMap<>();
    /** The PDF and e-mail buttons ({@link DocumentOutput}) of an order, or an RFQ's "send to all". */
    final Div output = new Div();

    final ConflictNotice conflict = new ConflictNotice();

    private final Div data = new Div();
    final Grid<PurchaseLine> lines = new Grid<>();
    private Grid.Column<PurchaseLine> received;
    private Grid.Column<PurchaseLine> billed;
    private Grid.Column<PurchaseLine> price;
    private Grid.Column<PurchaseLine> discount;
    private Grid.Column<PurchaseLine> vat;
    private Grid.Column<PurchaseLine> net;
    private final DocumentTotalsBox totals = new DocumentTotalsBox();
    final Grid<RfqSupplier> suppliers = new Grid<>();
    private final Section suppliersSection;
    final RfqComparisonGrid comparison;
    private final Section comparisonSection;
    final SupplierResponseSection supplierResponse;
    private final Section supplierResponseSection;
    final RelatedDocuments related = new RelatedDocuments();
    final HistoryTimeline timeline = new HistoryTimeline();

    PurchaseDocumentView(
            PurchaseOrderService orders,
            RfqService rfqs,
            PurchasePageExtras extras,
            PurchasePrintService print,
            SupplierBillService bills,
            PurchaseSettingsService settings,
            SupplierResponseService supplierResponses,
            Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.orders = orders;
        this.rfqs = rfqs;
        this.extras = extras;
        this.print = print;
        this.bills = bills;
        addClassNames("account-detail", "purchase-document");

        state.addClassName("status-badge");
        approval.addClassNames("status-badge", "approval-badge");
        Div header = DocumentPageParts.header(title, supplier, List.of(state, approval), actions, output);

        data.addClassName("detail-data");
        configureLines();
        configureSuppliers();
        comparison = new RfqComparisonGrid(this::choose);

        Section dataSection = DetailSections.section(getTranslation("purchasing.page.data"), data);
        Section linesSection = DetailSections.section(getTranslation("purchasing.page.lines"), lines, totals);
        linesSection.addClassName("document-lines-section");
        suppliersSection = DetailSections.section(getTranslation("purchasing.page.suppliers"), suppliers);
        comparisonSection = DetailSections.section(getTranslation("purchasing.page.comparison"), comparison);
        comparisonSection.addClassName("rfq-comparison-section");
        supplierResponse = new SupplierResponseSection(supplierResponses, this::reload);
        supplierResponseSection =
                DetailSections.section(getTranslation("portal.supplier.buyer.section"), supplierResponse);
        supplierResponseSection.addClassName("supplier-response-section");
        Section relatedSection = DetailSections.section(getTranslation("purchasing.page.related"), related);
        Section historySection = DetailSections.section(getTranslation("purchasing.page.history"), timeline);
        historySection.addClassName("detail-history");
        Div columns = DocumentPageParts.columns(List.of(dataSection), List.of(relatedSection, historySection));
        add(header, conflict, linesSection, supplierResponseSection, suppliersSection, comparisonSection, columns);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        PurchaseKind kind =
                event.getLocation().getPath().startsWith(PurchaseTexts.RFQS) ? PurchaseKind.RFQ : PurchaseKind.ORDER;
        try {
            load(kind, id.get());
        } catch (PurchasingRuleException e) {
            // Not there, another tenant's or of the other kind: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void load(PurchaseKind kind, UUID id) {
        if (kind == PurchaseKind.RFQ) {
            rfq = rfqs.rfq(id);
            orderPage = null;
            document = rfq.document();
        } else {
            orderPage = orders.page(id);
            rfq = null;
            document = orderPage.order();
        }
        show();
    }

    private void reload() {
        load(document.kind(), document.id());
        PageTitles.refresh(this);
    }

    private void show() {
        conflict.hide();
        boolean isRfq = document.kind() == PurchaseKind.RFQ;
        PurchasePageExtras.Extras more = extras.of(document.id(), document.approvedBy());
        title.setText(PurchaseTexts.title(this, document.kind(), document.number()));
        supplier.setText(
                isRfq
                        ? String.join(
                                ", ",
                                rfq.suppliers().stream()
                                        .map(RfqSupplier::supplierName)
                                        .toList())
                        : document.supplierName());
        state.setText(PurchaseTexts.status(this, document.status()));
        state.getElement().setAttribute("data-status", document.status().name());
        showApproval(more.approvedByName());
        showData(more.approvedByName());
        showLines();
        totals.show(PurchaseTotals.of(document), document.currency());
        suppliersSection.setVisible(isRfq);
        if (isRfq) {
            suppliers.setItems(rfq.suppliers());
        }
        showComparison();
        supplierResponseSection.setVisible(!isRfq && supplierResponse.show(document.id()));
        showRelated();
        showActions();
        showOutput();
        timeline.setEntries(PurchaseHistoryWords.entries(this, more.history(), document.currency()));
    }

    private void showApproval(String approverName) {
        approval.setVisible(false);
        if (document.kind() != PurchaseKind.ORDER) {
            return;
        }
        if (document.approvedAt() != null) {
            approval.setText(getTranslation(
                    "purchasing.page.approved-by",
                    approverName == null ? getTranslation("purchasing.page.someone") : approverName,
                    Format.dateTime(document.approvedAt())));
            approval.setVisible(true);
        } else if (document.status() == PurchaseStatus.TO_APPROVE) {
            approval.setText(getTranslation("purchasing.page.waiting-approval"));
            approval.setVisible(true);
        } else if (document.status() == PurchaseStatus.DRAFT && orderPage.approvalNeeded()) {
            approval.setText(getTranslation("purchasing.page.will-need-approval"));
            approval.setVisible(true);
        }
    }

    // ---- data ----

    private void showData(String approverName) {
        data.removeAll();
        if (document.kind() == PurchaseKind.ORDER) {
            item(
                    getTranslation("purchasing.field.supplier"),
                    document.supplierName()
                            + (document.supplierTaxId() == null ? "" : " · " + document.supplierTaxId()));
            item(getTranslation("purchasing.field.supplier-email"), document.supplierEmail());
        }
        item(getTranslation("purchasing.field.warehouse"), warehouseName(document.warehouseId()));
        item(getTranslation("purchasing.field.document-date"), Format.date(document.documentDate()));
        item(
                (document.kind() == PurchaseKind.RFQ
                        ? getTranslation("purchasing.field.answer-by")
                        : getTranslation("purchasing.field.expected-date")),
                Format.date(document.expectedDate()));
        item(getTranslation("purchasing.field.supplier-reference"), document.supplierReference());
        item(getTranslation("purchasing.field.currency"), document.currency());
        if (document.approvedAt() != null) {
            item(
                    getTranslation("purchasing.page.approval"),
                    getTranslation(
                            "purchasing.page.approved-by",
                            approverName == null ? getTranslation("purchasing.page.someone") : approverName,
                            Format.dateTime(document.approvedAt())));
        }
        if (document.sentAt() != null) {
            item(getTranslation("purchasing.page.sent-at"), Format.dateTime(document.sentAt()));
        }
        item(getTranslation("purchasing.field.notes"), document.notes());
        if (document.status() == PurchaseStatus.CANCELLED) {
            item(getTranslation("purchasing.page.cancel-reason"), document.cancelReason());
        }
    }

    private String warehouseName(UUID warehouseId) {
        if (warehouseId == null) {
            return null;
        }
        return orders.warehouses().stream()
                .filter(w -> w.id().equals(warehouseId))
                .map(WarehouseSummary::name)
                .findFirst()
                .orElse(null);
    }

    private void item(String label, String value) {
        DocumentPageParts.item(data, label, value);
    }

    // ---- lines ----

    private void configureLines() {
        DocumentPageParts.linesGrid(lines);
        Grid.Column<PurchaseLine> code =
                DocumentPageParts.codeColumn(lines, PurchaseLine::articleCode, getTranslation("documents.line.code"));
        Grid.Column<PurchaseLine> supplierCode = DocumentPageParts.codeColumn(
                lines, PurchaseLine::supplierCode, getTranslation("purchasing.line.supplier-code"));
        lines.addColumn(PurchaseLine::description)
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(3);
        DocumentPageParts.figureColumn(
                lines,
                line -> PurchaseTexts.quantity(line.quantity()) + " " + nullToEmpty(line.unitCode()),
                getTranslation("purchasing.line.ordered"));
        received = DocumentPageParts.figureColumn(
                lines,
                line -> PurchaseTexts.quantity(line.receivedQuantity()),
                getTranslation("purchasing.line.received"));
        billed = DocumentPageParts.figureColumn(
                lines, line -> PurchaseTexts.quantity(line.billedQuantity()), getTranslation("purchasing.line.billed"));
        price = DocumentPageParts.figureColumn(
                lines, line -> Format.price(line.unitPrice(), currency()), getTranslation("documents.line.price"));
        discount = DocumentPageParts.figureColumn(
                lines,
                line -> line.discountPercent().signum() == 0 ? "" : Format.percent(line.discountPercent()),
                getTranslation("documents.line.discount"));
        vat = DocumentPageParts.figureColumn(
                lines, line -> Format.percent(line.vatPercent()), getTranslation("documents.line.vat"));
        net = DocumentPageParts.figureColumn(
                lines, line -> Format.money(line.netAmount(), currency()), getTranslation("documents.line.net"));
        lines.setEmptyStateText(getTranslation("purchasing.page.no-lines"));
        // A tablet held upright leaves the codes out; the other columns depend on the document
        // (an RFQ has no prices) and its state, and the grid scrolls within itself if need be.
        NarrowScreens.hideColumnsBelow(lines, 1100, List.of(code, supplierCode));
    }

    private String currency() {
        return document == null ? "EUR" : document.currency();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private void showLines() {
        // Received and billed mean something once the order has gone to the supplier.
        boolean progress = document.kind() == PurchaseKind.ORDER && document.sentAt() != null;
        received.setVisible(progress);
        billed.setVisible(progress);
        boolean priced = document.kind() != PurchaseKind.RFQ;
        for (Grid.Column<PurchaseLine> column : List.of(price, discount, vat, net)) {
            column.setVisible(priced);
        }
        totals.setVisible(priced);
        lines.setItems(document.lines());
    }

    // ---- RFQ suppliers and comparison ----

    private void configureSuppliers() {
        suppliers.addClassName("rfq-suppliers");
        suppliers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        suppliers.setAllRowsVisible(true);
        suppliers
                .addColumn(RfqSupplier::supplierName)
                .setHeader(getTranslation("purchasing.field.supplier"))
                .setFlexGrow(2);
        suppliers
                .addColumn(s -> PurchaseTexts.supplierStatus(this, s.status())
                        + (s.declineReason() == null ? "" : " · " + s.declineReason()))
                .setHeader(getTranslation("purchasing.page.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<RfqSupplier> answered = suppliers
                .addColumn(s -> s.answeredAt() == null ? "" : Format.dateTime(s.answeredAt()))
                .setHeader(getTranslation("purchasing.page.answered-at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<RfqSupplier> reference = suppliers
                .addColumn(RfqSupplier::supplierReference)
                .setHeader(getTranslation("purchasing.field.supplier-reference"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        suppliers
                .addComponentColumn(this::supplierOutput)
                .setKey("output")
                .setAutoWidth(true)
                .setFlexGrow(0);
        suppliers
                .addComponentColumn(this::answerButton)
                .setKey("answer")
                .setAutoWidth(true)
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(suppliers, 1400, List.of(answered));
        NarrowScreens.hideColumnsBelow(suppliers, 900, List.of(reference));
    }

    // ---- output: PDF and e-mail ----

    /** Order states whose PDF goes to the supplier (approved, sent, received). */
    private static final Set<PurchaseStatus> PRINTABLE_ORDER = EnumSet.of(
            PurchaseStatus.APPROVED, PurchaseStatus.SENT, PurchaseStatus.PARTIALLY_RECEIVED, PurchaseStatus.RECEIVED);

    private void showOutput() {
        output.removeAll();
        UUID id = document.id();
        if (document.kind() == PurchaseKind.ORDER && PRINTABLE_ORDER.contains(document.status())) {
            output.add(new DocumentOutput(
                    new DocumentOutput.Source() {
                        @Override
                        public byte[] pdf() {
                            return print.orderPdf(id);
                        }

                        @Override
                        public String email(String to, String message) {
                            return print.emailOrder(id, to, message);
                        }
                    },
                    print.orderFileName(id),
                    document.supplierEmail(),
                    CurrentUser.can(PurchasingPermissions.SEND),
                    PurchaseTexts::refusalOf,
                    this::reload));
        } else if (rfq != null
                && document.status() == PurchaseStatus.SENT
                && CurrentUser.can(PurchasingPermissions.SEND)) {
            Button all = new Button(getTranslation("purchasing.output.send-all"), VaadinIcon.ENVELOPE_O.create());
            all.addClassName("send-to-all");
            all.addClickListener(click -> sendToAll());
            buttons.put("send-all", all);
            output.add(all);
        }
    }

    private com.vaadin.flow.component.Component supplierOutput(RfqSupplier invited) {
        if (rfq == null || document.status() == PurchaseStatus.DRAFT) {
            return new Span();
        }
        UUID id = document.id();
        UUID supplierId = invited.supplierId();
        DocumentOutput shown = new DocumentOutput(
                new DocumentOutput.Source() {
                    @Override
                    public byte[] pdf() {
                        return print.rfqPdf(id, supplierId);
                    }

                    @Override
                    public String email(String to, String message) {
                        return print.emailRfq(id, supplierId, to, message);
                    }
                },
                print.rfqFileName(id, supplierId),
                invited.supplierEmail(),
                document.status() == PurchaseStatus.SENT && CurrentUser.can(PurchasingPermissions.SEND),
                PurchaseTexts::refusalOf,
                this::reload);
        shown.email.addThemeVariants(ButtonVariant.LUMO_SMALL);
        shown.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");
        return shown;
    }

    private void sendToAll() {
        UUID id = document.id();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("purchasing.output.send-all"));
        confirm.setText(getTranslation(
                "purchasing.output.send-all-text", rfq.suppliers().size()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("documents.output.send"));
        confirm.addConfirmListener(event -> {
            try {
                PurchasePrintService.RfqMailing mailing = print.emailRfqToAll(id, null);
                if (!mailing.sentTo().isEmpty()) {
                    Notices.success(getTranslation("purchasing.output.sent-all", String.join(", ", mailing.sentTo())));
                }
                if (!mailing.withoutEmail().isEmpty()) {
                    Notices.error(getTranslation(
                            "purchasing.output.without-email", String.join(", ", mailing.withoutEmail())));
                }
                reload();
            } catch (MailDeliveryException failure) {
                Notices.error(getTranslation(failure.messageKey(), failure.arguments()));
            } catch (PurchasingRuleException refusal) {
                refused(refusal);
            }
        });
        confirm.open();
    }

    private com.vaadin.flow.component.Component answerButton(RfqSupplier invited) {
        boolean open = rfq != null
                && document.status() == PurchaseStatus.SENT
                && ("SENT".equals(invited.status()) || "ANSWERED".equals(invited.status()) || invited.declined())
                && CurrentUser.can(PurchasingPermissions.SEND);
        if (!open) {
            return new Span();
        }
        Button record = new Button(
                ("ANSWERED".equals(invited.status())
                        ? getTranslation("purchasing.action.change-answer")
                        : getTranslation("purchasing.action.record-answer")),
                click -> new RfqAnswerDialog(rfq, invited, (reference, validUntil, answer) -> {
                            rfqs.recordAnswer(document.id(), invited.supplierId(), reference, validUntil, answer);
                            Notices.success(getTranslation("purchasing.page.done.answer-recorded"));
                            reload();
                        })
                        .open());
        record.addThemeVariants(ButtonVariant.LUMO_SMALL);
        record.addClassName("record-answer");
        if (invited.declined()) {
            return record;
        }
        // Or the supplier declines to quote (RfqDeclineDialog): the two stacked, to keep the grid narrow.
        Div actions = new Div(record, declineButton(invited));
        actions.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    /** A supplier waited for or that answered may decline to quote instead (with an optional reason). */
    private Button declineButton(RfqSupplier invited) {
        return RfqDeclineDialog.button(invited, (supplier, reason) -> {
            rfqs.decline(document.id(), supplier.supplierId(), reason);
            Notices.success(getTranslation("purchasing.page.done.declined", supplier.supplierName()));
            reload();
        });
    }

    private void showComparison() {
        boolean visible = rfq != null
                && (document.status() == PurchaseStatus.SENT || document.status() == PurchaseStatus.CLOSED)
                && rfq.suppliers().stream().anyMatch(s -> s.answeredAt() != null);
        comparisonSection.setVisible(visible);
        if (visible) {
            boolean canChoose =
                    document.status() == PurchaseStatus.SENT && CurrentUser.can(PurchasingPermissions.CREATE);
            comparison.show(rfqs.compare(document.id()), document.currency(), canChoose);
        }
    }

    private void choose(RfqComparison shown, RfqSupplier chosen) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("purchasing.action.choose"));
        confirm.setText(getTranslation("purchasing.page.dialog.choose-text", chosen.supplierName()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("purchasing.action.choose"));
        confirm.addConfirmListener(event -> {
            try {
                UUID order = rfqs.choose(document.id(), chosen.supplierId());
                Notices.success(getTranslation("purchasing.page.done.chosen", chosen.supplierName()));
                getUI().ifPresent(ui -> ui.navigate(PurchaseTexts.route(PurchaseKind.ORDER, order)));
            } catch (PurchasingRuleException refusal) {
                refused(refusal);
            }
        });
        confirm.open();
    }

    // ---- related documents ----

    private void showRelated() {
        List<RelatedDocuments.Item> items = new ArrayList<>();
        if (orderPage != null) {
            for (RelatedDocument other : orderPage.related()) {
                items.add(new RelatedDocuments.Item(
                        PurchaseTexts.title(this, other.kind(), other.number()),
                        PurchaseTexts.route(other.kind(), other.id()),
                        PurchaseTexts.status(this, other.status())
                                + " · " + Format.date(other.documentDate())
                                + (other.total() == null ? "" : " · " + Format.money(other.total(), currency())),
                        "related-" + PurchaseTexts.slug(other.kind().name())));
            }
        } else if (rfq != null) {
            for (RfqSupplier invited : rfq.suppliers()) {
                if (invited.orderId() != null) {
                    items.add(new RelatedDocuments.Item(
                            getTranslation("purchasing.page.order-for", invited.supplierName()),
                            PurchaseTexts.route(PurchaseKind.ORDER, invited.orderId()),
                            PurchaseTexts.supplierStatus(this, invited.status()),
                            "related-order"));
                }
            }
        }
        related.show(items);
    }

    // ---- actions ----

    private void showActions() {
        actions.removeAll();
        buttons.clear();
        UUID id = document.id();
        long version = document.version();
        if (document.kind() == PurchaseKind.ORDER) {
            List<OrderPage.Step> steps = orderPage.steps();
            if (steps.contains(OrderPage.Step.EDIT) && CurrentUser.can(PurchasingPermissions.EDIT)) {
                action("edit", getTranslation("purchasing.action.edit"), false, this::edit);
            }
            if (steps.contains(OrderPage.Step.SUBMIT) && CurrentUser.can(PurchasingPermissions.EDIT)) {
                action(
                        "submit",
                        getTranslation("purchasing.action.submit"),
                        true,
                        () -> step(() -> {
                            PurchaseStatus now = orders.submit(id, version);
                            return (now == PurchaseStatus.APPROVED
                                    ? getTranslation("purchasing.page.done.submitted-approved")
                                    : getTranslation("purchasing.page.done.submitted"));
                        }));
            }
            if (steps.contains(OrderPage.Step.APPROVE) && CurrentUser.can(PurchasingPermissions.APPROVE)) {
                action(
                        "approve",
                        getTranslation("purchasing.action.approve"),
                        true,
                        () -> step(() -> {
                            orders.approve(id, version);
                            return getTranslation("purchasing.page.done.approved");
                        }));
            }
            if (steps.contains(OrderPage.Step.SEND) && CurrentUser.can(PurchasingPermissions.SEND)) {
                action(
                        "send",
                        getTranslation("purchasing.action.send"),
                        true,
                        () -> step(() -> {
                            String number = orders.send(id, version);
                            return getTranslation("purchasing.page.done.sent", number);
                        }));
            }
            String receive = PurchaseTexts.ORDERS + "/" + id + "/receive";
            if ((document.status() == PurchaseStatus.SENT || document.status() == PurchaseStatus.PARTIALLY_RECEIVED)
                    && CurrentUser.can(PurchasingPermissions.RECEIVE)
                    && RouteConfiguration.forSessionScope().getRoute(receive).isPresent()) {
                action(
                        "receive",
                        getTranslation("purchasing.action.receive"),
                        true,
                        () -> getUI().ifPresent(ui -> ui.navigate(receive)));
            }
            if (BILLABLE.contains(document.status()) && CurrentUser.can(PurchasingPermissions.BILL)) {
                action("bill", getTranslation("purchasing.action.record-bill"), false, this::recordBill);
            }
            if (steps.contains(OrderPage.Step.CANCEL) && CurrentUser.can(PurchasingPermissions.CANCEL)) {
                action("cancel", getTranslation("purchasing.action.cancel"), false, this::cancelDocument);
            }
            if (steps.contains(OrderPage.Step.DELETE) && CurrentUser.can(PurchasingPermissions.EDIT)) {
                action("delete", getTranslation("purchasing.action.delete"), false, this::deleteDraft);
            }
        } else {
            boolean draft = document.status() == PurchaseStatus.DRAFT;
            if (draft && CurrentUser.can(PurchasingPermissions.EDIT)) {
                action("edit", getTranslation("purchasing.action.edit"), false, this::edit);
            }
            if (draft && CurrentUser.can(PurchasingPermissions.SEND)) {
                action(
                        "send",
                        getTranslation("purchasing.action.send-rfq"),
                        true,
                        () -> step(() -> {
                            String number = rfqs.send(id, version);
                            return getTranslation("purchasing.page.done.rfq-sent", number);
                        }));
            }
            if ((draft || document.status() == PurchaseStatus.SENT) && CurrentUser.can(PurchasingPermissions.CANCEL)) {
                action("cancel", getTranslation("purchasing.action.cancel"), false, this::cancelDocument);
            }
            if (draft && CurrentUser.can(PurchasingPermissions.EDIT)) {
                action("delete", getTranslation("purchasing.action.delete"), false, this::deleteDraft);
            }
        }
    }

    private void action(String name, String text, boolean primary, Runnable run) {
        Button button =
                DocumentPageParts.stepButton(name, text, primary, "cancel".equals(name) || "delete".equals(name), run);
        buttons.put(name, button);
        actions.add(button);
    }

    /** Takes a step that stays on this page: success message and a fresh read, or the refusal. */
    private void step(Supplier<String> run) {
        try {
            Notices.success(run.get());
            reload();
        } catch (PurchasingRuleException refusal) {
            refused(refusal);
        }
    }

    /**
     * Shows a refusal: someone else's newer version is explained above the page with a button to
     * load it (the page keeps what it showed until then); any other refusal as a notification.
     */
    private void refused(PurchasingRuleException refusal) {
        String message = PurchaseTexts.refusal(this, refusal);
        Notices.error(message);
        if (PurchaseTexts.changedMeanwhile(refusal)) {
            conflict.show(List.of(), null, this::reload);
            conflict.focusReload();
        }
    }

    private void edit() {
        getUI().ifPresent(ui -> ui.navigate(PurchaseTexts.editRoute(document.kind(), document.id())));
    }

    private void cancelDocument() {
        UUID id = document.id();
        long version = document.version();
        boolean isRfq = document.kind() == PurchaseKind.RFQ;
        new DocumentReasonDialog(
                        ("purchasing.action.cancel"),
                        getTranslation(
                                isRfq
                                        ? getTranslation("purchasing.page.dialog.cancel-rfq-intro")
                                        : getTranslation("purchasing.page.dialog.cancel-intro")),
                        getTranslation("purchasing.page.dialog.cancel-confirm"),
                        PurchaseTexts::refusalOf,
                        reason -> {
                            if (isRfq) {
                                rfqs.cancel(id, version, reason);
                            } else {
                                orders.cancel(id, version, reason);
                            }
                            Notices.success(getTranslation("purchasing.page.done.cancelled"));
                            reload();
                        })
                .open();
    }

    /** Order states a supplier bill may be recorded against (as SupplierBillService accepts). */
    private static final Set<PurchaseStatus> BILLABLE =
            EnumSet.of(PurchaseStatus.SENT, PurchaseStatus.PARTIALLY_RECEIVED, PurchaseStatus.RECEIVED);

    /** The last "record supplier bill" dialog opened (for tests). */
    SupplierBillDialog billDialog;

    private void recordBill() {
        UUID orderId = document.id();
        billDialog = new SupplierBillDialog(
                document, settings.settings().priceTolerance(), LocalDate.now(clock), request -> {
                    UUID bill = bills.record(orderId, request);
                    Notices.success(getTranslation("purchasing.bill-dialog.done"));
                    getUI().ifPresent(ui -> ui.navigate(PurchaseRoutes.document(PurchaseKind.BILL, bill)));
                    return bill;
                });
        billDialog.proposeDueDates(billDate -> bills.proposedDueDate(orderId, billDate));
        billDialog.open();
    }

    private void deleteDraft() {
        UUID id = document.id();
        long version = document.version();
        PurchaseKind kind = document.kind();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("purchasing.action.delete"));
        confirm.setText(getTranslation("purchasing.page.dialog.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                if (kind == PurchaseKind.RFQ) {
                    rfqs.deleteDraft(id, version);
                } else {
                    orders.deleteDraft(id, version);
                }
                Notices.success(getTranslation("purchasing.page.done.deleted"));
                getUI().ifPresent(ui ->
                        ui.navigate(kind == PurchaseKind.RFQ ? PurchaseTexts.RFQS : PurchaseTexts.ORDERS));
            } catch (PurchasingRuleException refusal) {
                refused(refusal);
            }
        });
        confirm.open();
    }

    /** The document shown (for tests). */
    PurchaseDocument document() {
        return document;
    }

    @Override
    public String getPageTitle() {
        return document == null
                ? getTranslation("purchasing.page.page-title")
                : PurchaseTexts.title(this, document.kind(), document.number());
    }
}

package com.nexo.purchasing.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.documents.DocumentPageParts;
import com.nexo.base.ui.documents.DocumentReasonDialog;
import com.nexo.base.ui.documents.DocumentTotalsBox;
import com.nexo.base.ui.documents.RelatedDocuments;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.bills.BillComparison;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.bills.ThreeWayMatch;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.PurchaseTotals;
import com.nexo.purchasing.documents.RelatedDocument;
import com.nexo.purchasing.pages.PurchasePageExtras;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A posted receipt ({@code purchasing/receipts/<id>}) or a supplier bill ({@code purchasing/bills/<id>})
 * seen whole: header, lines, totals, its order among the related documents and the timeline. A bill
 * shows its three-way match line by line (ordered, received, billable and billed quantities, order
 * and billed prices, the issues highlighted) and, while a draft, can be approved (a note is required
 * when it has differences) or cancelled with a reason; an approved bill can be cancelled too.
 */
@Route("purchasing/receipts/:id")
@RouteAlias("purchasing/bills/:id")
@RolesAllowed(PurchasingPermissions.READ)
public class PurchaseRecordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "id";

    private final transient PurchaseOrderService orders;
    private final transient SupplierBillService bills;
    private final transient PurchasePageExtras extras;

    private PurchaseDocument document;
    private BillComparison comparison;

    private final H2 title = new H2();
    private final Span supplier = new Span();
    final Span state = new Span();
    final Span match = new Span();
    private final Div actions = new Div();
    /** The buttons shown, by step ({@code approve}, {@code cancel}). */
    final Map<String, Button> buttons = new LinkedHashMap<>();

    final ConflictNotice conflict = new ConflictNotice();

    private final Div data = new Div();
    final Grid<PurchaseLine> lines = new Grid<>();
    final Grid<BillComparison.Line> matchLines = new Grid<>();
    private final DocumentTotalsBox totals = new DocumentTotalsBox();
    private final Section linesSection;
    private final Section matchSection;
    final RelatedDocuments related = new RelatedDocuments();
    final HistoryTimeline timeline = new HistoryTimeline();

    PurchaseRecordView(PurchaseOrderService orders, SupplierBillService bills, PurchasePageExtras extras) {
        this.orders = orders;
        this.bills = bills;
        this.extras = extras;
        addClassNames("account-detail", "purchase-document", "purchase-record");

        state.addClassName("status-badge");
        match.addClassNames("status-badge", "match-badge");
        Div header = DocumentPageParts.header(title, supplier, List.of(state, match), actions, null);

        data.addClassName("detail-data");
        configureLines();
        configureMatch();
        linesSection = DetailSections.section(getTranslation("purchasing.page.lines"), lines);
        linesSection.addClassName("document-lines-section");
        matchSection = DetailSections.section(getTranslation("purchasing.bill-page.match"), matchLines);
        matchSection.addClassName("document-lines-section");
        Section totalsSection = DetailSections.section(getTranslation("purchasing.bill-page.totals"), totals);
        Section dataSection = DetailSections.section(getTranslation("purchasing.page.data"), data);
        Section relatedSection = DetailSections.section(getTranslation("purchasing.page.related"), related);
        Section historySection = DetailSections.section(getTranslation("purchasing.page.history"), timeline);
        historySection.addClassName("detail-history");
        Div columns =
                DocumentPageParts.columns(List.of(dataSection, totalsSection), List.of(relatedSection, historySection));
        add(header, conflict, linesSection, matchSection, columns);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        PurchaseKind kind =
                event.getLocation().getPath().startsWith(PurchaseRoutes.document(PurchaseKind.BILL, id.get()))
                        ? PurchaseKind.BILL
                        : PurchaseKind.RECEIPT;
        try {
            load(kind, id.get());
        } catch (PurchasingRuleException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void load(PurchaseKind kind, UUID id) {
        document = orders.document(kind, id);
        comparison = kind == PurchaseKind.BILL ? bills.match(id) : null;
        show();
    }

    private void reload() {
        load(document.kind(), document.id());
        PageTitles.refresh(this);
    }

    private void show() {
        conflict.hide();
        boolean bill = document.kind() == PurchaseKind.BILL;
        PurchasePageExtras.Extras more = extras.of(document.id(), document.approvedBy());
        title.setText(PurchaseTexts.title(this, document.kind(), document.number()));
        supplier.setText(document.supplierName());
        state.setText(PurchaseTexts.status(this, document.status()));
        state.getElement().setAttribute("data-status", document.status().name());
        match.setVisible(bill);
        if (bill) {
            boolean matched = comparison.result() == ThreeWayMatch.Result.MATCHED;
            match.setText(
                    matched
                            ? getTranslation("purchasing.bill-page.matched")
                            : getTranslation("purchasing.bill-page.differences"));
            match.getElement().setAttribute("data-status", comparison.result().name());
        }
        showData(more.approvedByName());
        linesSection.setVisible(!bill);
        matchSection.setVisible(bill);
        if (bill) {
            matchLines.setItems(comparison.lines());
        } else {
            lines.setItems(document.lines());
        }
        totals.show(PurchaseTotals.of(document), document.currency());
        showRelated();
        showActions();
        timeline.setEntries(PurchaseHistoryWords.entries(this, more.history(), document.currency()));
    }

    private void showData(String approverName) {
        data.removeAll();
        item(
                getTranslation("purchasing.field.supplier"),
                document.supplierName() + (document.supplierTaxId() == null ? "" : " · " + document.supplierTaxId()));
        item(getTranslation("purchasing.field.document-date"), Format.date(document.documentDate()));
        item(
                getTranslation(
                        document.kind() == PurchaseKind.BILL
                                ? "purchasing.bill-page.supplier-number"
                                : "purchasing.field.supplier-reference"),
                document.supplierReference());
        item(getTranslation("purchasing.field.currency"), document.currency());
        if (comparison != null && comparison.dueDate() != null) {
            item(getTranslation("purchasing.bill-page.due-date"), Format.date(comparison.dueDate()));
        }
        if (comparison != null) {
            item(getTranslation("purchasing.bill-page.tolerance"), Format.percent(comparison.tolerancePercent()));
        }
        if (document.approvedAt() != null) {
            item(
                    getTranslation("purchasing.page.approval"),
                    getTranslation(
                            "purchasing.page.approved-by",
                            approverName == null ? getTranslation("purchasing.page.someone") : approverName,
                            Format.dateTime(document.approvedAt())));
        }
        item(getTranslation("purchasing.field.notes"), document.notes());
        if (document.status() == PurchaseStatus.CANCELLED) {
            item(getTranslation("purchasing.page.cancel-reason"), document.cancelReason());
        }
    }

    private void item(String label, String value) {
        DocumentPageParts.item(data, label, value);
    }

    private void configureLines() {
        DocumentPageParts.linesGrid(lines);
        DocumentPageParts.codeColumn(lines, PurchaseLine::articleCode, getTranslation("documents.line.code"));
        lines.addColumn(PurchaseLine::description)
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(3);
        DocumentPageParts.figureColumn(
                lines,
                line -> PurchaseTexts.quantity(line.quantity()) + " "
                        + (line.unitCode() == null ? "" : line.unitCode()),
                getTranslation("purchasing.line.received"));
        DocumentPageParts.figureColumn(
                lines, line -> Format.price(line.unitPrice(), currency()), getTranslation("documents.line.price"));
    }

    private void configureMatch() {
        DocumentPageParts.linesGrid(matchLines);
        matchLines.addClassName("bill-match");
        matchLines
                .addColumn(BillComparison.Line::description)
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(3);
        DocumentPageParts.figureColumn(
                matchLines,
                line -> line.match().line().onOrder()
                        ? PurchaseTexts.quantity(line.match().line().orderedQuantity())
                        : "",
                getTranslation("purchasing.line.ordered"));
        DocumentPageParts.figureColumn(
                matchLines,
                line -> line.match().line().onOrder()
                        ? PurchaseTexts.quantity(line.match().line().receivedQuantity())
                        : "",
                getTranslation("purchasing.line.received"));
        DocumentPageParts.figureColumn(
                matchLines,
                line -> PurchaseTexts.quantity(line.match().line().billedQuantity()),
                getTranslation("purchasing.line.billed"));
        DocumentPageParts.figureColumn(
                matchLines,
                line -> line.match().line().onOrder()
                        ? Format.price(line.match().line().orderedPrice(), currency())
                        : "",
                getTranslation("purchasing.bill-page.order-price"));
        DocumentPageParts.figureColumn(
                matchLines,
                line -> Format.price(line.match().line().billedPrice(), currency()),
                getTranslation("purchasing.bill-page.billed-price"));
        matchLines
                .addColumn(this::issues)
                .setHeader(getTranslation("purchasing.bill-page.check"))
                .setFlexGrow(2);
        matchLines.setPartNameGenerator(line -> line.match().matched() ? null : "match-issue");
    }

    /** A line's issues in words ("Precio distinto; …"), or that it matches. */
    String issues(BillComparison.Line line) {
        if (line.match().matched()) {
            return getTranslation("purchasing.bill-page.line-ok");
        }
        return line.match().issues().stream()
                .map(issue -> getTranslation("purchasing.bill-page.issue." + PurchaseTexts.slug(issue.name())))
                .collect(Collectors.joining("; "));
    }

    private String currency() {
        return document == null ? "EUR" : document.currency();
    }

    private void showRelated() {
        List<RelatedDocument> others = orders.related(document.id());
        related.show(others.stream()
                .map(other -> new RelatedDocuments.Item(
                        PurchaseTexts.title(this, other.kind(), other.number()),
                        PurchaseTexts.route(other.kind(), other.id()),
                        PurchaseTexts.status(this, other.status())
                                + " · " + Format.date(other.documentDate())
                                + (other.total() == null ? "" : " · " + Format.money(other.total(), currency())),
                        "related-" + PurchaseTexts.slug(other.kind().name())))
                .toList());
    }

    private void showActions() {
        actions.removeAll();
        buttons.clear();
        if (document.kind() != PurchaseKind.BILL) {
            return;
        }
        boolean draft = document.status() == PurchaseStatus.DRAFT;
        if (draft && CurrentUser.can(PurchasingPermissions.APPROVE)) {
            action("approve", getTranslation("purchasing.action.approve"), true, this::approve);
        }
        if ((draft || document.status() == PurchaseStatus.APPROVED) && CurrentUser.can(PurchasingPermissions.CANCEL)) {
            action("cancel", getTranslation("purchasing.action.cancel"), false, this::cancelBill);
        }
    }

    private void action(String name, String text, boolean primary, Runnable run) {
        Button button = DocumentPageParts.stepButton(name, text, primary, "cancel".equals(name), run);
        buttons.put(name, button);
        actions.add(button);
    }

    private void approve() {
        UUID id = document.id();
        if (comparison.result() == ThreeWayMatch.Result.MATCHED) {
            try {
                String number = bills.approve(id, null);
                Notices.success(getTranslation("purchasing.bill-page.done.approved", number));
                reload();
            } catch (PurchasingRuleException refusal) {
                refused(refusal);
            }
            return;
        }
        new DocumentReasonDialog(
                        getTranslation("purchasing.bill-page.dialog.approve-title"),
                        getTranslation("purchasing.bill-page.dialog.approve-intro"),
                        getTranslation("purchasing.action.approve"),
                        PurchaseTexts::refusalOf,
                        note -> {
                            String number = afterChangeCheck(() -> bills.approve(id, note));
                            Notices.success(getTranslation("purchasing.bill-page.done.approved", number));
                            reload();
                        })
                .open();
    }

    private void cancelBill() {
        UUID id = document.id();
        new DocumentReasonDialog(
                        getTranslation("purchasing.action.cancel"),
                        document.status() == PurchaseStatus.APPROVED
                                ? getTranslation("purchasing.bill-page.dialog.cancel-approved-intro")
                                : getTranslation("purchasing.bill-page.dialog.cancel-intro"),
                        getTranslation("purchasing.page.dialog.cancel-confirm"),
                        PurchaseTexts::refusalOf,
                        reason -> {
                            afterChangeCheck(() -> {
                                bills.cancel(id, reason);
                                return null;
                            });
                            Notices.success(getTranslation("purchasing.page.done.cancelled"));
                            reload();
                        })
                .open();
    }

    /**
     * Takes a step; when it is refused because someone else changed the bill meanwhile (its version
     * moved on), the conflict is explained above the page before the refusal goes on to the dialog.
     */
    private <T> T afterChangeCheck(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (PurchasingRuleException refusal) {
            noticeChange();
            throw refusal;
        }
    }

    private void refused(PurchasingRuleException refusal) {
        Notices.error(PurchaseTexts.refusal(this, refusal));
        noticeChange();
    }

    private void noticeChange() {
        long now;
        try {
            now = orders.document(document.kind(), document.id()).version();
        } catch (PurchasingRuleException gone) {
            now = -1;
        }
        if (now != document.version()) {
            conflict.show(List.of(), null, this::reload);
            conflict.focusReload();
        }
    }

    /** The document shown (for tests). */
    PurchaseDocument document() {
        return document;
    }

    /** The bill's match shown (for tests; null on a receipt). */
    BillComparison comparison() {
        return comparison;
    }

    @Override
    public String getPageTitle() {
        return document == null
                ? getTranslation("purchasing.page.page-title")
                : PurchaseTexts.title(this, document.kind(), document.number());
    }
}

package com.nexo.sales.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.verifactu.BillingRecord;
import com.nexo.sales.verifactu.BillingRecordList;
import com.nexo.sales.verifactu.ChainVerification;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The tenant's invoice records (VERI*FACTU), newest first: one per issued invoice and one per
 * cancelled one, each with its place in the chain and its fingerprint; and, for those who look after
 * the sales settings, the check of the whole chain.
 */
@Route("sales/billing-chain")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-billing-chain", order = 39, icon = "vaadin:link")
public class BillingChainView extends Main implements HasDynamicTitle {

    /** The currency of the records' amounts: VERI*FACTU records are in euros. */
    private static final String EURO = "EUR";

    /** Characters of a fingerprint the list shows (the whole one is in the cell's tooltip). */
    private static final int FINGERPRINT_SHOWN = 12;

    private final transient BillingRecordList records;
    private final transient ChainVerification verification;
    private final Span count = new Span();
    final Grid<BillingRecord> grid = new Grid<>();
    final Button verify = new Button();
    final Paragraph result = new Paragraph();
    private final PagedList<BillingRecord, String> list;

    BillingChainView(BillingRecordList records, ChainVerification verification) {
        this.records = records;
        this.verification = verification;
        addClassNames("list-view", "billing-chain-view");
        count.addClassName("list-count");

        verify.setText(getTranslation("sales.billing-chain.verify"));
        verify.setIcon(VaadinIcon.CHECK_CIRCLE_O.create());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickListener(click -> verify());
        verify.setVisible(CurrentUser.can(SalesPermissions.SETTINGS));
        Div actions = new Div(verify);
        actions.addClassName("list-actions");
        Div toolbar = new Div(count, actions);
        toolbar.addClassName("list-toolbar");
        result.setVisible(false);

        configureGrid();
        // One list, one order (the chain's, newest first): the query never changes.
        list = PagedList.bind(grid, orders -> "newest-first", (query, after, limit) -> records.page(after, limit));
        add(new H2(getTranslation("sales.billing-chain.title")), toolbar, result, grid);
        showCount();
    }

    private void configureGrid() {
        grid.addClassName("list-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(row -> Format.integer(row.sequence()))
                .setKey("sequence")
                .setHeader(getTranslation("sales.billing-chain.column.sequence"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> GridCells.twoLines(row.invoiceNumber(), kind(row)))
                .setKey("invoice")
                .setHeader(getTranslation("sales.billing-chain.column.invoice"))
                .setWidth("11rem")
                .setFlexGrow(2);
        Grid.Column<BillingRecord> date = grid.addColumn(row -> Format.date(row.invoiceDate()))
                .setKey("date")
                .setHeader(getTranslation("sales.billing-chain.column.date"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.money(row.total(), EURO))
                .setKey("total")
                .setHeader(getTranslation("sales.billing-chain.column.total"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.dateTimeWithSeconds(row.generatedAt()))
                .setKey("generated")
                .setHeader(getTranslation("sales.billing-chain.column.generated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<BillingRecord> fingerprint = grid.addColumn(
                        row -> row.fingerprint().substring(0, FINGERPRINT_SHOWN) + "…")
                .setKey("fingerprint")
                .setHeader(getTranslation("sales.billing-chain.column.fingerprint"))
                .setTooltipGenerator(BillingRecord::fingerprint)
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<BillingRecord> submission = grid.addColumn(
                        row -> getTranslation("sales.billing-chain.submission." + row.submissionStatus()))
                .setKey("submission")
                .setHeader(getTranslation("sales.billing-chain.column.submission"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // A tablet held upright keeps the place in the chain, the invoice, its total and when.
        NarrowScreens.hideColumnsBelow(grid, 1000, List.of(date, fingerprint, submission));
        grid.setEmptyStateText(getTranslation("sales.billing-chain.empty"));
    }

    private String kind(BillingRecord row) {
        return getTranslation("sales.billing-chain.kind." + row.kind().name());
    }

    private void showCount() {
        CountEstimate estimate = records.count();
        count.setText(
                estimate.exact()
                        ? getTranslation(
                                "sales.billing-chain.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "sales.billing-chain.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
    }

    /** Checks the whole chain and says the outcome above the list. */
    void verify() {
        ChainVerification.Result outcome = verification.verify();
        String text = outcome.broken()
                .map(broken -> getTranslation(
                        "sales.billing-chain.broken",
                        Format.integer(broken.sequence()),
                        broken.invoiceNumber(),
                        getTranslation("sales.billing-chain.problem."
                                + broken.problem().name()),
                        Format.integer(outcome.checked())))
                .orElseGet(() ->
                        getTranslation("sales.billing-chain.ok", Format.integer(outcome.checked()), outcome.checked()));
        result.setText(text);
        result.setVisible(true);
        result.getElement().setAttribute("data-outcome", outcome.ok() ? "ok" : "broken");
        if (outcome.ok()) {
            Notices.success(text);
        } else {
            Notices.error(text);
        }
        list.refresh();
        showCount();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sales.billing-chain.title");
    }
}

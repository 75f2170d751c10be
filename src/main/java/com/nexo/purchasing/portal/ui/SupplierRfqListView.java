package com.nexo.purchasing.portal.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.KeysetPaging;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.purchasing.portal.SupplierPortal.RfqRow;
import com.nexo.purchasing.portal.SupplierPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The supplier's requests for quotation, newest first, read page by page; a row opens the RFQ. */
@Route("portal/rfqs")
@RolesAllowed(Roles.SUPPLIER)
@Menu(title = "portal.supplier.menu.rfqs", order = 20.0, icon = "vaadin:question-circle-o")
public class SupplierRfqListView extends Main implements HasDynamicTitle {

    private final transient SupplierPortalService portal;
    final Grid<RfqRow> grid = new Grid<>();
    private final KeysetPaging<RfqRow, RfqRow> paging = new KeysetPaging<>();

    public SupplierRfqListView(SupplierPortalService portal) {
        this.portal = portal;
        addClassNames("list-view", "portal-supplier-rfqs");
        // A long state ("Por responder") wraps on a phone instead of being cut.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RfqRow::number)
                .setHeader(getTranslation("portal.supplier.rfq.number"))
                .setAutoWidth(true);
        Grid.Column<RfqRow> date = grid.addColumn(row -> Format.date(row.documentDate()))
                .setHeader(getTranslation("portal.supplier.rfq.date"));
        Grid.Column<RfqRow> answerBy = grid.addColumn(row -> row.answerBy() == null ? "" : Format.date(row.answerBy()))
                .setHeader(getTranslation("portal.supplier.rfq.answer-by"));
        grid.addColumn(row -> SupplierPortalTexts.rfqState(this, row.open(), row.invitation()))
                .setHeader(getTranslation("portal.supplier.rfq.state"));
        // A tablet keeps the number, the answer date and the state; a phone the number and the state
        // (the RFQ's page gives its dates).
        NarrowScreens.hideColumnsBelow(grid, 600, List.of(date));
        NarrowScreens.hideColumnsBelow(grid, 480, List.of(answerBy));
        grid.setItems(query -> paging
                .rows("all", query.getOffset(), query.getLimit(), (after, limit) -> {
                    var rows = this.portal.rfqs(
                            after == null ? null : after.documentDate(), after == null ? null : after.id(), limit);
                    return new KeysetPaging.Page<>(rows, rows.size() < limit ? null : rows.getLast());
                })
                .stream());
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(SupplierPortalTexts.RFQS + "/" + click.getItem().id())));
        grid.setEmptyStateText(getTranslation("portal.supplier.rfq.none"));
        add(new H2(getPageTitle()), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.supplier.rfq.title");
    }
}

package com.nexo.accounts.ui;

import com.nexo.accounts.search.AccountRow;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;

/**
 * The columns of the account list. Name, tax id, contact (e-mail and phone), city and status stay in
 * view from a tablet held upright (768 px) up; code and roles join from 1,280 px and owner and last
 * change from 1,440 px ({@link NarrowScreens}), so that the list never scrolls sideways.
 */
final class AccountColumns {

    /** From this window width the code and roles columns are shown. */
    static final int MEDIUM = 1280;

    /** From this window width the owner and last-change columns are shown. */
    static final int WIDE = 1440;

    private AccountColumns() {}

    static void addTo(Grid<AccountRow> grid) {
        grid.addColumn(GridCells.twoLinesRenderer(AccountRow::legalName, AccountColumns::secondLine))
                .setKey(AccountSort.NAME.name())
                .setSortProperty(AccountSort.NAME.name())
                .setHeader(grid.getTranslation("accounts.list.column-name"))
                .setWidth("11rem")
                .setFlexGrow(3);
        Grid.Column<AccountRow> code = grid.addColumn(AccountRow::code)
                .setKey(AccountSort.CODE.name())
                .setSortProperty(AccountSort.CODE.name())
                .setHeader(grid.getTranslation("accounts.list.column-code"))
                .setWidth("6.5rem")
                .setFlexGrow(0);
        grid.addColumn(AccountRow::taxId)
                .setKey("taxId")
                .setHeader(grid.getTranslation("accounts.list.column-tax-id"))
                .setWidth("8.5rem")
                .setFlexGrow(0);
        Grid.Column<AccountRow> roles = grid.addColumn(row -> AccountLabels.roles(grid, row.roles()))
                .setKey("roles")
                .setHeader(grid.getTranslation("accounts.list.column-roles"))
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(GridCells.twoLinesRenderer(AccountRow::email, AccountRow::phone))
                .setKey("contact")
                .setHeader(grid.getTranslation("accounts.list.column-contact"))
                .setWidth("10rem")
                .setFlexGrow(2);
        grid.addColumn(AccountRow::city)
                .setKey("city")
                .setHeader(grid.getTranslation("accounts.list.column-city"))
                .setWidth("6rem")
                .setFlexGrow(1);
        Grid.Column<AccountRow> owner = grid.addColumn(AccountRow::ownerName)
                .setKey("owner")
                .setHeader(grid.getTranslation("accounts.list.column-owner"))
                .setWidth("8rem")
                .setFlexGrow(1);
        Grid.Column<AccountRow> updated = grid.addColumn(row -> Format.dateTime(row.updatedAt()))
                .setKey(AccountSort.UPDATED.name())
                .setSortProperty(AccountSort.UPDATED.name())
                .setHeader(grid.getTranslation("accounts.list.column-updated"))
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(GridCells.badgeRenderer(row -> statusText(grid, row), AccountColumns::statusTheme))
                .setKey("status")
                .setHeader(grid.getTranslation("accounts.list.column-status"))
                .setWidth("6rem")
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(grid, MEDIUM, List.of(code, roles));
        NarrowScreens.hideColumnsBelow(grid, WIDE, List.of(owner, updated));
    }

    /** Under the name: the trade name when it differs (the tax id has its own column). */
    private static String secondLine(AccountRow row) {
        return row.tradeName() == null || row.tradeName().equals(row.legalName()) ? null : row.tradeName();
    }

    private static String statusText(Grid<AccountRow> grid, AccountRow row) {
        return grid.getTranslation(row.archived() ? "accounts.status.archived" : "accounts.status.active");
    }

    private static String statusTheme(AccountRow row) {
        return (row.archived() ? BadgeVariant.CONTRAST : BadgeVariant.SUCCESS).getVariantName() + " "
                + BadgeVariant.SMALL.getVariantName();
    }
}

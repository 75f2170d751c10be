package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.filters.SavedFilter;
import com.nexo.accounts.filters.SavedFilterService;
import com.nexo.accounts.search.AccountFilter.Status;
import com.nexo.accounts.search.AccountRow;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountListViewTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private SavedFilterService filters;

    @BeforeEach
    void openAsAdministrator() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(AccountListView.class);
    }

    @Test
    void the_quick_search_finds_an_account_despite_a_missing_accent_and_a_typo() {
        String word = AccountUiFixtures.word();
        AccountUiFixtures.create(accounts, "Ferretería Guadalquivir " + word);

        // No accent, one letter missing in "Guadalquivir".
        search("ferreteria guadalqivir " + word);

        assertThat(AccountUiFixtures.names(rows())).contains("Ferretería Guadalquivir " + word);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Cuentas");
    }

    @Test
    void the_role_and_status_filters_narrow_the_list() {
        String word = AccountUiFixtures.word();
        AccountUiFixtures.create(accounts, "Cliente " + word, AccountRole.CLIENT);
        AccountUiFixtures.create(accounts, "Proveedor " + word, AccountRole.SUPPLIER);
        AccountForm archived = AccountUiFixtures.form("Archivado " + word, AccountRole.SUPPLIER);
        accounts.archive(AccountUiFixtures.create(accounts, archived));
        search(word);
        assertThat(AccountUiFixtures.names(rows())).containsExactlyInAnyOrder("Cliente " + word, "Proveedor " + word);

        roles().setValue(Set.of(AccountRole.SUPPLIER));
        assertThat(AccountUiFixtures.names(rows())).containsExactly("Proveedor " + word);

        status().setValue(Status.ALL);
        assertThat(AccountUiFixtures.names(rows())).containsExactlyInAnyOrder("Proveedor " + word, "Archivado " + word);

        status().setValue(Status.ARCHIVED);
        assertThat(AccountUiFixtures.names(rows())).containsExactly("Archivado " + word);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Proveedor");
        assertThat(GridKt._getFormatted(grid(), 0, "status")).isEqualTo("Archivada");
        assertThat(cell("status", "theme", rows().getFirst())).isEqualTo("contrast small");
    }

    @Test
    void the_cells_show_name_over_trade_name_e_mail_over_phone_and_a_status_badge() {
        String word = AccountUiFixtures.word();
        AccountForm form = AccountUiFixtures.form("Talleres Celda " + word + ", S.L.");
        form.setTradeName("Celda " + word);
        form.setEmails(List.of("celda-" + word + "@example.com"));
        form.setPhones(List.of("+34 600 000 001"));
        AccountUiFixtures.create(accounts, form);
        AccountUiFixtures.create(accounts, "Sin nombre comercial " + word);
        search(word);
        List<AccountRow> rows = rows();
        AccountRow full =
                rows.stream().filter(row -> row.tradeName() != null).findFirst().orElseThrow();
        AccountRow bare =
                rows.stream().filter(row -> row.tradeName() == null).findFirst().orElseThrow();

        assertThat(cell("NAME", "main", full)).isEqualTo("Talleres Celda " + word + ", S.L.");
        assertThat(cell("NAME", "secondary", full)).isEqualTo("Celda " + word);
        assertThat(cell("NAME", "secondary", bare)).as("no second line").isEqualTo("");
        assertThat(cell("contact", "main", full)).isEqualTo("celda-" + word + "@example.com");
        assertThat(cell("contact", "secondary", full)).isEqualTo("+34 600 000 001");
        assertThat(cell("status", "text", full)).isEqualTo("Activa");
        assertThat(cell("status", "theme", full)).isEqualTo("success small");
    }

    /** A value a column's template draws for {@code row} (the cells are LitRenderer templates). */
    @SuppressWarnings("unchecked")
    private static Object cell(String column, String property, AccountRow row) {
        LitRenderer<AccountRow> renderer =
                (LitRenderer<AccountRow>) grid().getColumnByKey(column).getRenderer();
        return renderer.getValueProviders().get(property).apply(row);
    }

    @Test
    void the_tag_filter_shows_only_accounts_with_that_tag() {
        String word = AccountUiFixtures.word();
        AccountForm tagged = AccountUiFixtures.form("Etiquetada " + word);
        tagged.setTags(Set.of("vip-" + word));
        AccountUiFixtures.create(accounts, tagged);
        AccountUiFixtures.create(accounts, "Sin etiqueta " + word);
        search(word);

        _get(TextField.class, spec -> spec.withLabel("Etiqueta")).setValue("vip-" + word);

        assertThat(AccountUiFixtures.names(rows())).containsExactly("Etiquetada " + word);
    }

    @Test
    void a_saved_filter_comes_back_with_its_search_and_roles() {
        String word = AccountUiFixtures.word();
        AccountUiFixtures.create(accounts, "Proveedor " + word, AccountRole.SUPPLIER);
        AccountUiFixtures.create(accounts, "Cliente " + word, AccountRole.CLIENT);
        search(word);
        roles().setValue(Set.of(AccountRole.SUPPLIER));

        _click(_get(Button.class, spec -> spec.withText("Guardar filtro")));
        SaveFilterDialog dialog = _get(SaveFilterDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue("Proveedores " + word);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        expectNotifications("Filtro «Proveedores " + word + "» guardado.");

        search("");
        roles().clear();
        assertThat(rows()).hasSizeGreaterThan(1);

        @SuppressWarnings("unchecked")
        ComboBox<SavedFilter> saved = _get(ComboBox.class, spec -> spec.withLabel("Filtros guardados"));
        SavedFilter mine = saved.getListDataView()
                .getItems()
                .filter(filter -> filter.name().equals("Proveedores " + word))
                .findFirst()
                .orElseThrow();
        saved.setValue(mine);

        assertThat(_get(QuickSearchField.class).getValue()).isEqualTo(word);
        assertThat(roles().getValue()).containsExactly(AccountRole.SUPPLIER);
        assertThat(AccountUiFixtures.names(rows())).containsExactly("Proveedor " + word);

        _click(_get(Button.class, spec -> spec.withClasses("delete-filter")));
        assertThat(filters.savedFilters()).extracting(SavedFilter::name).doesNotContain("Proveedores " + word);
    }

    @Test
    void sorting_by_code_descending_reverses_the_order() {
        String word = AccountUiFixtures.word();
        for (int i = 1; i <= 3; i++) {
            AccountForm form = AccountUiFixtures.form("Orden " + i + " " + word);
            form.setCode("Z" + word.toUpperCase() + i);
            AccountUiFixtures.create(accounts, form);
        }
        search(word);
        Grid<AccountRow> grid = grid();

        grid.sort(List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(
                grid.getColumnByKey("CODE"), com.vaadin.flow.data.provider.SortDirection.DESCENDING)));

        assertThat(rows())
                .extracting(AccountRow::code)
                .containsExactly(
                        "Z" + word.toUpperCase() + 3, "Z" + word.toUpperCase() + 2, "Z" + word.toUpperCase() + 1);
    }

    @Test
    void clicking_a_row_opens_the_account() {
        String word = AccountUiFixtures.word();
        AccountUiFixtures.create(accounts, "Abrir " + word);
        search(word);

        GridKt._clickItem(grid(), 0);

        _assertOne(AccountDetailView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Abrir " + word);
    }

    @Test
    void an_administrator_gets_the_new_and_export_actions() {
        _assertOne(DownloadLink.class);
        _assertOne(Button.class, spec -> spec.withText("Nueva cuenta"));
    }

    @Test
    void a_read_only_user_lists_accounts_without_create_or_export() {
        switchUser("consulta@demo.nexo");
        UI.getCurrent().navigate(AccountListView.class);

        _assertOne(AccountListView.class);
        _assertNone(DownloadLink.class);
        _assertNone(Button.class, spec -> spec.withText("Nueva cuenta"));
    }

    @Test
    void a_search_word_too_long_to_look_for_is_explained_on_the_field_and_the_list_still_works() {
        String word = AccountUiFixtures.word();
        AccountUiFixtures.create(accounts, "Larguísima " + word);

        search(word + " " + "x".repeat(3000));

        QuickSearchField field = _get(QuickSearchField.class);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .isEqualTo("Las palabras de búsqueda pueden tener como mucho 100 caracteres; las más largas no se"
                        + " tienen en cuenta.");
        assertThat(AccountUiFixtures.names(rows())).containsExactly("Larguísima " + word);
        assertThat(_get(Span.class, spec -> spec.withClasses("list-count")).getText())
                .isEqualTo("1 cuenta");

        search(word);
        assertThat(field.isInvalid()).isFalse();
    }

    @Test
    void a_nul_in_the_search_does_not_break_the_list() {
        String word = AccountUiFixtures.word();
        AccountUiFixtures.create(accounts, "Nula " + word);

        search("nula\0" + word);

        assertThat(AccountUiFixtures.names(rows())).containsExactly("Nula " + word);
    }

    @Test
    void the_key_columns_are_never_hidden_on_narrow_screens_and_the_status_is_one_of_them() {
        List<String> keys =
                grid().getColumns().stream().map(Grid.Column::getKey).toList();

        assertThat(keys).containsSubsequence("NAME", "taxId", "contact", "city", "status");
        assertThat(grid().getColumns())
                .allSatisfy(column -> assertThat(column.isVisible()).isTrue());
    }

    private static void search(String text) {
        _get(QuickSearchField.class).setValue(text);
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<AccountRole> roles() {
        return _get(MultiSelectComboBox.class, spec -> spec.withLabel("Tipo"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Status> status() {
        return _get(Select.class, spec -> spec.withLabel("Estado"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<AccountRow> grid() {
        return _get(Grid.class);
    }

    private static List<AccountRow> rows() {
        return GridKt._fetch(grid(), 0, 100);
    }
}

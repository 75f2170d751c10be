package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.account.AccountService;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.base.ui.SavedFilterSteps;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListFixtures;
import com.nexo.purchasing.lists.PurchaseRow;
import com.nexo.purchasing.lists.SavedPurchaseFilter;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The purchasing lists and the supplier's documents on the account page, in Karibu, as the demo
 * administrator (every permission) unless said otherwise.
 */
class PurchaseListViewTest extends KaribuTest {

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private AccountService accounts;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private PurchaseFilterService filters;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    private PurchaseListFixtures fixtures;
    private UUID supplier;
    private UUID toApprove;
    private UUID partly;

    @BeforeEach
    void twoOrdersOfANewSupplier() {
        login(PurchaseListFixtures.ADMIN);
        fixtures = new PurchaseListFixtures(userDetails, accounts, jdbc, transactions);
        supplier = fixtures.supplier("Vista compras");
        toApprove = fixtures.order(supplier, PurchaseStatus.TO_APPROVE, LocalDate.now(), "9000");
        partly = fixtures.order(
                supplier, PurchaseStatus.PARTIALLY_RECEIVED, LocalDate.now().minusDays(1), "120");
        fixtures.line(partly, 1, "4", "3");
        login(PurchaseListFixtures.ADMIN); // the fixtures' calls leave the security context as they found it
        UI.getCurrent().navigate(PurchaseListOrdersView.class);
    }

    @Test
    void the_order_list_shows_state_badges_expected_date_total_and_received_share_with_count_and_export() {
        search(fixtures.tag);

        assertThat(rows()).extracting(PurchaseRow::id).containsExactly(toApprove, partly);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Pedidos de compra");
        assertThat(_get(Span.class, spec -> spec.withClasses("list-count")).getText())
                .isEqualTo("2 documentos");
        assertThat(GridKt._getCellComponent(grid(), 0, "status").getElement().getTextRecursively())
                .isEqualTo("Por aprobar");
        assertThat(GridKt._getCellComponent(grid(), 0, "NUMBER").getElement().getTextRecursively())
                .isEqualTo("(borrador)");
        assertThat(GridKt._getCellComponent(grid(), 1, "status").getElement().getTextRecursively())
                .isEqualTo("Recibido en parte");
        List<String> row = GridKt._getFormattedRow(grid(), 1);
        assertThat(row).contains("Vista compras " + fixtures.tag);
        assertThat(row)
                .as("received share")
                .anySatisfy(cell -> assertThat(cell).startsWith("75").endsWith("%"));
        assertThat(row).as("total").anySatisfy(cell -> assertThat(cell).contains("120,00"));
        assertThat(GridKt._getCellComponent(grid(), 1, "NUMBER").getElement().getTextRecursively())
                .isEqualTo(fixtures.numberOf(partly));
        assertThat(grid().getColumnByKey("expected").getHeaderText()).isEqualTo("Entrega prevista");
        _assertOne(DownloadLink.class);
    }

    @Test
    void a_documents_page_is_at_its_kind_and_id() {
        // A row click navigates there; the document pages are another part's work, and Karibu does
        // not move off the list for a route that does not exist yet, so the path itself is checked.
        assertThat(PurchaseRoutes.document(PurchaseKind.ORDER, partly)).isEqualTo("purchasing/orders/" + partly);
        assertThat(PurchaseRoutes.document(PurchaseKind.RFQ, partly)).isEqualTo("purchasing/rfqs/" + partly);
        assertThat(PurchaseRoutes.document(PurchaseKind.RECEIPT, partly)).isEqualTo("purchasing/receipts/" + partly);
        assertThat(PurchaseRoutes.document(PurchaseKind.BILL, partly)).isEqualTo("purchasing/bills/" + partly);
        assertThat(PurchaseRoutes.list(PurchaseKind.ORDER)).isEqualTo("purchasing/orders");
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_state_filter_and_a_saved_filter_narrow_the_list() {
        search(fixtures.tag);
        Select<PurchaseStatus> state = _get(Select.class, spec -> spec.withLabel("Estado"));
        assertThat(state.getListDataView().getItems()).contains(PurchaseStatus.TO_APPROVE);
        state.setValue(PurchaseStatus.TO_APPROVE);
        assertThat(rows()).extracting(PurchaseRow::id).containsExactly(toApprove);

        SavedFilterSteps.save("Por aprobar " + fixtures.tag);

        state.clear();
        search("");
        SavedFilterSteps.<SavedPurchaseFilter>choose("Por aprobar " + fixtures.tag, SavedPurchaseFilter::name);
        assertThat(_get(QuickSearchField.class).getValue()).isEqualTo(fixtures.tag);
        assertThat(state.getValue()).isEqualTo(PurchaseStatus.TO_APPROVE);
        assertThat(rows()).extracting(PurchaseRow::id).containsExactly(toApprove);

        SavedFilterSteps.deleteChosen();
        assertThat(filters.savedFilters(PurchaseKind.ORDER))
                .extracting(SavedPurchaseFilter::name)
                .doesNotContain("Por aprobar " + fixtures.tag);
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_supplier_filter_offers_suppliers_by_name_and_narrows_the_list() {
        UUID other = fixtures.supplier("Segundo compras");
        UUID othersOrder = fixtures.order(other, PurchaseStatus.SENT, LocalDate.now(), "10");
        login(PurchaseListFixtures.ADMIN);
        ComboBox<com.nexo.accounts.AccountDirectory.AccountName> filter =
                _get(ComboBox.class, spec -> spec.withLabel("Proveedor"));
        search(fixtures.tag);
        assertThat(rows()).extracting(PurchaseRow::id).contains(othersOrder, toApprove);

        List<com.nexo.accounts.AccountDirectory.AccountName> choices =
                com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(
                        filterText(filter, "Segundo compras " + fixtures.tag));
        assertThat(choices)
                .extracting(com.nexo.accounts.AccountDirectory.AccountName::id)
                .containsExactly(other);
        filter.setValue(choices.getFirst());

        assertThat(rows()).extracting(PurchaseRow::id).containsExactly(othersOrder);
    }

    private static <T> ComboBox<T> filterText(ComboBox<T> box, String text) {
        com.github.mvysny.kaributesting.v10.ComboBoxKt.setUserInput(box, text);
        return box;
    }

    @Test
    void the_menu_lists_the_purchasing_lists_in_order_and_each_list_opens() {
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .containsSubsequence("purchasing/rfqs", "purchasing/orders", "purchasing/receipts", "purchasing/bills");
        UI.getCurrent().navigate(PurchaseListRfqsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Peticiones de oferta");
        UI.getCurrent().navigate(PurchaseListReceiptsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Recepciones");
        UI.getCurrent().navigate(PurchaseListBillsView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Facturas de proveedor");
        assertThat(grid().getColumnByKey("expected").getHeaderText()).isEqualTo("Vencimiento");
    }

    @Test
    void a_user_without_purchasing_read_is_refused_the_lists_and_has_no_menu_entry() {
        String code = "com-" + fixtures.tag.toLowerCase(Locale.ROOT);
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of("accounts.read")));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        UI.getCurrent().navigate(DashboardView.class);
        switchUser(email);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .noneMatch(path -> path.startsWith("purchasing/"));
        for (Class<? extends PurchaseListView> view : List.of(
                PurchaseListRfqsView.class,
                PurchaseListOrdersView.class,
                PurchaseListReceiptsView.class,
                PurchaseListBillsView.class)) {
            assertThatThrownBy(() -> UI.getCurrent().navigate(view))
                    .as(view.getSimpleName())
                    .hasRootCauseInstanceOf(AccessDeniedException.class);
        }
        _assertNone(PurchaseListOrdersView.class);

        UI.getCurrent().navigate("accounts/" + supplier);
        assertThat(_find(Section.class, spec -> spec.withClasses("record-section")))
                .as("no purchasing section either")
                .isEmpty();
    }

    @Test
    void a_read_only_user_lists_without_export() {
        switchUser(PurchaseListFixtures.READ_ONLY);
        UI.getCurrent().navigate(PurchaseListOrdersView.class);
        _assertOne(PurchaseListOrdersView.class);
        _assertNone(DownloadLink.class);
        search(fixtures.tag);
        assertThat(rows()).extracting(PurchaseRow::id).containsExactly(toApprove, partly);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_supplier_account_shows_its_purchasing_documents_and_a_client_account_does_not() {
        UUID rfq = fixtures.rfq(PurchaseStatus.SENT, LocalDate.now().minusDays(3), supplier);
        UUID client = fixtures.client("Cliente sin compras");
        login(PurchaseListFixtures.ADMIN);

        UI.getCurrent().navigate("accounts/" + supplier);

        assertThat(titles()).contains("Documentos de compra");
        Grid<PurchaseRow> documents = _get(Grid.class, spec -> spec.withClasses("supplier-documents"));
        assertThat(GridKt._fetch(documents, 0, 10)).extracting(PurchaseRow::id).containsExactly(toApprove, partly, rfq);
        assertThat(GridKt._getFormattedRow(documents, 2)).contains("Petición de oferta");

        UI.getCurrent().navigate("accounts/" + client);
        assertThat(titles()).doesNotContain("Documentos de compra");
        _assertNone(Grid.class, spec -> spec.withClasses("supplier-documents"));
    }

    private static List<String> titles() {
        return _find(Section.class, spec -> spec.withClasses("record-section")).stream()
                .map(section -> section.getElement().getChild(0).getText())
                .toList();
    }

    private static void search(String text) {
        _get(QuickSearchField.class).setValue(text);
    }

    @SuppressWarnings("unchecked")
    private static Grid<PurchaseRow> grid() {
        return _get(Grid.class, spec -> spec.withClasses("list-grid"));
    }

    private static List<PurchaseRow> rows() {
        return GridKt._fetch(grid(), 0, 100);
    }
}

package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.nexo.sales.lists.SalesListFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.account.AccountService;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.base.ui.SavedFilterSteps;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesListFixtures;
import com.nexo.sales.lists.SalesRow;
import com.nexo.sales.lists.SavedSalesFilter;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The sales lists in Karibu, as the demo tenant's sales employee. */
class SalesListViewTest extends KaribuTest {

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private AccountService accounts;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private SalesFilterService filters;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    private SalesListFixtures fixtures;
    private UUID draft;
    private UUID sent;

    @BeforeEach
    void twoQuotesOfANewClient() {
        login(SalesListFixtures.SALES);
        fixtures = new SalesListFixtures(userDetails, accounts, documents);
        UUID client = fixtures.client("Vista");
        draft = fixtures.draft(DocumentKind.QUOTE, client, LocalDate.now(), List.of(line("Mesa", "1", "100")));
        sent = fixtures.draft(DocumentKind.QUOTE, client, LocalDate.now(), List.of(line("Silla", "4", "25")));
        fixtures.asSales(() -> {
            flow.send(sent);
            return null;
        });
        login(SalesListFixtures.SALES); // the fixtures' calls leave the security context as they found it
        UI.getCurrent().navigate(SalesListQuotesView.class);
    }

    @Test
    void the_quote_list_shows_the_quotes_with_count_new_and_export() {
        search(fixtures.tag);

        assertThat(rows()).extracting(SalesRow::id).containsExactlyInAnyOrder(draft, sent);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Presupuestos");
        assertThat(_get(Span.class, spec -> spec.withClasses("list-count")).getText())
                .isEqualTo("2 documentos");
        int draftRow = rows().indexOf(rows().stream()
                .filter(row -> row.id().equals(draft))
                .findFirst()
                .orElseThrow());
        assertThat(GridKt._getCellComponent(grid(), draftRow, "status")
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("Borrador");
        assertThat(GridKt._getCellComponent(grid(), draftRow, "NUMBER")
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("(borrador)");
        _assertOne(DownloadLink.class);
        _assertOne(Button.class, spec -> spec.withText("Nuevo"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_state_filter_and_a_saved_filter_narrow_the_list() {
        search(fixtures.tag);
        Select<SalesListFilters.StateChoice> state = _get(Select.class, spec -> spec.withLabel("Estado"));
        state.setValue(new SalesListFilters.StateChoice(DocumentStatus.SENT, false));
        assertThat(rows()).extracting(SalesRow::id).containsExactly(sent);

        SavedFilterSteps.save("Enviados " + fixtures.tag);

        state.clear();
        search("");
        SavedFilterSteps.<SavedSalesFilter>choose("Enviados " + fixtures.tag, SavedSalesFilter::name);
        assertThat(_get(QuickSearchField.class).getValue()).isEqualTo(fixtures.tag);
        assertThat(rows()).extracting(SalesRow::id).containsExactly(sent);

        SavedFilterSteps.deleteChosen();
        assertThat(filters.savedFilters(DocumentKind.QUOTE))
                .extracting(SavedSalesFilter::name)
                .doesNotContain("Enviados " + fixtures.tag);
    }

    @Test
    void the_sales_menu_lists_the_sales_pages_in_order() {
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .containsSubsequence(
                        "sales/quotes", "sales/orders", "sales/deliveries", "sales/invoices", "sales/back-orders");
    }

    @Test
    void a_user_without_sales_permissions_is_refused_the_lists_and_has_no_menu_entry() {
        String code = "ven-" + fixtures.tag.toLowerCase(java.util.Locale.ROOT);
        login("admin@demo.nexo");
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of("accounts.read")));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        UI.getCurrent().navigate(DashboardView.class);
        switchUser(email);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .noneMatch(path -> path.startsWith("sales/"));
        assertThatThrownBy(() -> UI.getCurrent().navigate(SalesListInvoicesView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(BackOrderView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        _assertNone(SalesListInvoicesView.class);
    }

    @Test
    void a_read_only_user_lists_without_new_or_export_and_the_back_orders_open() {
        switchUser(SalesListFixtures.READ_ONLY);
        UI.getCurrent().navigate(SalesListOrdersView.class);
        _assertOne(SalesListOrdersView.class);
        _assertNone(DownloadLink.class);
        _assertNone(Button.class, spec -> spec.withText("Nuevo"));

        UI.getCurrent().navigate(BackOrderView.class);
        _assertOne(BackOrderView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Pendientes de servir");
    }

    private static void search(String text) {
        _get(QuickSearchField.class).setValue(text);
    }

    @SuppressWarnings("unchecked")
    private static Grid<SalesRow> grid() {
        return _get(Grid.class);
    }

    private static List<SalesRow> rows() {
        return GridKt._fetch(grid(), 0, 100);
    }
}

package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.nexo.sales.lists.SalesListFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.account.AccountService;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.lists.SalesListFixtures;
import com.nexo.sales.lists.SalesRow;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The sections the sales module adds to the account page, in Karibu. */
class AccountSalesSectionsTest extends KaribuTest {

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private AccountService accounts;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private InvoicingService invoicing;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    @Test
    void the_account_page_shows_the_clients_documents_and_what_it_owes() {
        login(SalesListFixtures.SALES);
        SalesListFixtures fixtures = new SalesListFixtures(userDetails, accounts, documents);
        UUID client = fixtures.client("Ficha");
        UUID invoice = fixtures.draft(DocumentKind.INVOICE, client, LocalDate.now(), List.of(line("Obra", "1", "100")));
        UUID quote = fixtures.draft(DocumentKind.QUOTE, client, LocalDate.now(), List.of(line("Otra", "1", "10")));
        String number = fixtures.asSales(() -> {
            String issued = invoicing.issue(invoice);
            invoicing.registerPayment(invoice, LocalDate.now(), new BigDecimal("21.00"), "transfer");
            return issued;
        });
        login(SalesListFixtures.SALES);

        UI.getCurrent().navigate("accounts/" + client);

        List<String> titles = _find(Section.class, spec -> spec.withClasses("record-section")).stream()
                .map(section -> section.getElement().getChild(0).getText())
                .toList();
        // The CRM's activities section follows the sales sections (crm.read is part of the sales role).
        assertThat(titles).containsExactly("Ventas", "Pendiente de cobro", "Documentos de venta", "Actividades");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("client-terms-summary"))
                        .getElement()
                        .getText())
                .startsWith("Nacional");
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withClasses("client-new-quote")))
                .hasSize(1);
        assertThat(_get(Div.class, spec -> spec.withClasses("client-open-amount"))
                        .getElement()
                        .getTextRecursively())
                .contains("100,00", "1 factura");
        @SuppressWarnings("unchecked")
        Grid<SalesRow> grid = _get(Grid.class, spec -> spec.withClasses("client-documents"));
        List<SalesRow> rows = GridKt._fetch(grid, 0, 10);
        assertThat(rows).extracting(SalesRow::id).containsExactlyInAnyOrder(quote, invoice);
        assertThat(rows)
                .filteredOn(row -> row.id().equals(invoice))
                .singleElement()
                .satisfies(row -> assertThat(row.number()).isEqualTo(number));
    }

    @Test
    void a_user_without_sales_permission_sees_no_sales_sections() {
        login("admin@demo.nexo");
        SalesListFixtures fixtures = new SalesListFixtures(userDetails, accounts, documents);
        UUID client = fixtures.client("Sin ventas");
        String code = "acc-" + fixtures.tag.toLowerCase(java.util.Locale.ROOT);
        login("admin@demo.nexo");
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of("accounts.read")));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        switchUser(email);
        UI.getCurrent().navigate("accounts/" + client);

        assertThat(_find(Section.class, spec -> spec.withClasses("record-section")))
                .isEmpty();
        switchUser(SalesListFixtures.READ_ONLY);
        UI.getCurrent().navigate("accounts/" + client);
        assertThat(_find(Section.class, spec -> spec.withClasses("record-section")))
                .as("the three sales sections and the CRM's activities")
                .hasSize(4);
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withClasses("client-new-quote")))
                .as("a read-only user cannot start a quote")
                .isEmpty();
    }
}

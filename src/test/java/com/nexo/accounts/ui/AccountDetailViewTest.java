package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountPage;
import com.nexo.accounts.account.AccountPageService;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.merge.AccountMergeService;
import com.nexo.accounts.search.AccountListService;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.ValueListField;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

class AccountDetailViewTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    private String word;
    private UUID id;

    @BeforeEach
    void anAccountOpenedByTheAdministrator() {
        login("admin@demo.nexo");
        word = AccountUiFixtures.word();
        AccountForm form = AccountUiFixtures.form("Distribuciones " + word, AccountRole.CLIENT, AccountRole.SUPPLIER);
        form.setTradeName("Distri " + word);
        form.setEmails(List.of(word + "@distri.example"));
        id = AccountUiFixtures.create(accounts, form);
        open(id);
    }

    @Test
    void shows_the_accounts_data_roles_and_status() {
        AccountDetailView view = _get(AccountDetailView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Distribuciones " + word);
        assertThat(view.getElement().getTextRecursively())
                .contains("Distri " + word, word + "@distri.example", "Cliente", "Proveedor", "Activa", "Organización");
    }

    @Test
    void a_contact_is_added_made_primary_and_removed_and_the_timeline_tells_who_did_what() {
        addContact("Lucía Pérez", "Compras");
        addContact("Marcos Ruiz", "Gerencia");

        List<ContactRow> rows = GridKt._fetch(contacts(), 0, 10);
        assertThat(rows).extracting(ContactRow::name).containsExactlyInAnyOrder("Lucía Pérez", "Marcos Ruiz");
        ContactRow marcos = rows.stream()
                .filter(row -> row.name().equals("Marcos Ruiz"))
                .findFirst()
                .orElseThrow();
        assertThat(marcos.primary()).isFalse(); // the first contact became the primary one

        int row = GridKt._fetch(contacts(), 0, 10).indexOf(marcos);
        _click(actionButton(row, "Hacer contacto principal"));
        assertThat(contactService.contacts(id))
                .filteredOn(ContactRow::primary)
                .extracting(ContactRow::name)
                .containsExactly("Marcos Ruiz");

        int lucia = indexOf("Lucía Pérez");
        _click(actionButton(lucia, "Quitar contacto"));
        assertThat(contactService.contacts(id)).extracting(ContactRow::name).containsExactly("Marcos Ruiz");

        assertThat(timelineTexts())
                .anySatisfy(text -> assertThat(text).contains("Ana Administradora · quitó el contacto Lucía Pérez"))
                .anySatisfy(text -> assertThat(text).contains("Ana Administradora · añadió un contacto"))
                .anySatisfy(text -> assertThat(text).contains("Ana Administradora · creó la cuenta"));
    }

    @Test
    void an_edit_made_in_the_form_appears_in_the_timeline_with_the_old_and_new_value() {
        _click(_get(Button.class, spec -> spec.withText("Editar")));
        AccountFormDialog dialog = _get(AccountFormDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Web")).setValue("www." + word + ".example");
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(timelineTexts().get(0))
                .contains("Ana Administradora · cambió la cuenta", "Web", "(vacío) → www." + word + ".example")
                .doesNotContain("version", "search_text");
        assertThat(_get(AccountDetailView.class).getElement().getTextRecursively())
                .contains("www." + word + ".example");
    }

    @Test
    void a_contact_without_a_name_is_refused_with_a_message() {
        _click(_get(Button.class, spec -> spec.withText("Añadir contacto")));
        ContactDialog dialog = _get(ContactDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        TextField name = _get(dialog, TextField.class, spec -> spec.withLabel("Nombre"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Escribe el nombre del contacto.");
        assertThat(contactService.contacts(id)).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_id_shows_the_not_found_page() {
        UI.getCurrent().navigate("accounts/" + UUID.randomUUID());
        _assertNone(AccountDetailView.class);

        UI.getCurrent().navigate("accounts/not-an-id");
        _assertNone(AccountDetailView.class);
    }

    @Test
    void a_read_only_user_sees_the_account_without_edit_merge_or_contact_actions() {
        switchUser("consulta@demo.nexo");
        open(id);

        _get(AccountDetailView.class);
        _assertNone(Button.class, spec -> spec.withText("Editar"));
        _assertNone(Button.class, spec -> spec.withText("Fusionar un duplicado"));
        _assertNone(Button.class, spec -> spec.withText("Añadir contacto"));
        assertThat(contacts().getColumnByKey("actions")).isNull();
    }

    @Test
    void a_render_of_the_page_is_one_read_of_the_page_service_and_nothing_else() {
        AccountPageService realPages = context.getBean(AccountPageService.class);
        AccountPage page = realPages.page(id);
        AccountPageService pages = Mockito.mock(AccountPageService.class);
        Mockito.when(pages.page(id)).thenReturn(page);
        AccountService accountService = Mockito.mock(AccountService.class);
        ContactService contacts = Mockito.mock(ContactService.class);
        AccountListService lists = Mockito.mock(AccountListService.class);
        AccountMergeService merges = Mockito.mock(AccountMergeService.class);
        AccountDetailView view = new AccountDetailView(pages, accountService, contacts, lists, merges);

        view.load(id);

        Mockito.verify(pages, Mockito.times(1)).page(id);
        Mockito.verifyNoMoreInteractions(pages);
        Mockito.verifyNoInteractions(accountService, contacts, lists, merges);
        assertThat(view.getElement().getTextRecursively())
                .contains("Distribuciones " + word, word + "@distri.example", "creó la cuenta");
    }

    private void addContact(String name, String position) {
        _click(_get(Button.class, spec -> spec.withText("Añadir contacto")));
        ContactDialog dialog = _get(ContactDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue(name);
        _get(dialog, TextField.class, spec -> spec.withLabel("Cargo")).setValue(position);
        ValueListField emails = _get(dialog, ValueListField.class, spec -> spec.withLabel("Correos"));
        _click(_get(emails, Button.class, spec -> spec.withText("Añadir correo")));
        emails.entryFields()
                .get(0)
                .setValue(name.toLowerCase().replace(' ', '.').replace('í', 'i').replace('é', 'e') + "@distri.example");
        _get(dialog, Checkbox.class).setValue(false);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        assertThat(dialog.isOpened())
                .as("contact dialog closed after saving " + name)
                .isFalse();
    }

    private static Button actionButton(int row, String label) {
        return _find(GridKt._getCellComponent(contacts(), row, "actions"), Button.class).stream()
                .filter(button -> label.equals(button.getAriaLabel().orElse(null)))
                .findFirst()
                .orElseThrow();
    }

    private int indexOf(String name) {
        List<ContactRow> rows = GridKt._fetch(contacts(), 0, 10);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not among the contacts");
    }

    private static List<String> timelineTexts() {
        return _find(_get(HistoryTimeline.class), ListItem.class).stream()
                .map(item -> item.getElement().getTextRecursively())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ContactRow> contacts() {
        return _get(Grid.class, spec -> spec.withClasses("contacts-grid"));
    }

    private static void open(UUID account) {
        UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(account));
    }
}

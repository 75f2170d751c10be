package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.Ids;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.ValueListField;
import com.nexo.security.UserService;
import com.nexo.security.roles.RoleService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountFormDialogTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private AccountListService lists;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    @BeforeEach
    void openAsAdministrator() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(AccountListView.class);
    }

    @Test
    void a_missing_legal_name_and_a_wrong_spanish_tax_id_are_reported_in_spanish_and_nothing_is_saved() {
        AccountFormDialog dialog = openNewForm();
        field(dialog, "NIF/CIF").setValue("12345678A"); // the control letter of 12345678 is Z

        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isTrue();
        assertThat(field(dialog, "Razón social").isInvalid()).isTrue();
        assertThat(field(dialog, "Razón social").getErrorMessage()).isEqualTo("Escribe la razón social.");
        assertThat(field(dialog, "NIF/CIF").getErrorMessage())
                .isEqualTo("No es un NIF, NIE o CIF español válido: revisa la letra o el dígito de control.");
    }

    @Test
    void a_nul_byte_in_the_legal_name_is_refused_on_the_field_with_a_message_and_nothing_is_saved() {
        String word = AccountUiFixtures.word();
        AccountFormDialog dialog = openNewForm();
        field(dialog, "Razón social").setValue("Nula\0" + word);

        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isTrue();
        assertThat(field(dialog, "Razón social").isInvalid()).isTrue();
        assertThat(field(dialog, "Razón social").getErrorMessage())
                .isEqualTo("Quita de este texto los caracteres de control invisibles (pegados desde otro programa).");
        assertThat(lists.count(AccountFilter.search(word)).value()).isZero();
    }

    @Test
    void an_account_saved_despite_the_warning_is_warned_about_again_only_when_its_name_or_ids_change() {
        String nif = AccountUiFixtures.uniqueNif();
        String word = AccountUiFixtures.word();
        AccountForm existing = AccountUiFixtures.form("Original " + word);
        existing.setTaxId(nif);
        AccountUiFixtures.create(accounts, existing);
        AccountForm duplicate = AccountUiFixtures.form("Copia " + word);
        duplicate.setTaxId(nif);
        UUID copy = AccountUiFixtures.create(accounts, duplicate); // saved despite the warning

        UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(copy));
        _click(_get(Button.class, spec -> spec.withText("Editar")));
        AccountFormDialog edit = _get(AccountFormDialog.class);
        _get(edit, TextField.class, spec -> spec.withLabel("Web")).setValue("www." + word + ".example");
        _click(_get(edit, Button.class, spec -> spec.withText("Guardar")));

        _assertNone(DuplicateWarningDialog.class);
        assertThat(edit.isOpened()).isFalse();
        assertThat(accounts.getForm(copy).getWebsite()).isEqualTo("www." + word + ".example");

        _click(_get(Button.class, spec -> spec.withText("Editar")));
        AccountFormDialog rename = _get(AccountFormDialog.class);
        field(rename, "Razón social").setValue("Original " + word + " bis");
        _click(_get(rename, Button.class, spec -> spec.withText("Guardar")));

        _assertOne(DuplicateWarningDialog.class);
    }

    @Test
    void the_tax_id_of_another_country_is_free_text() {
        AccountFormDialog dialog = openNewForm();
        @SuppressWarnings("unchecked")
        ComboBox<String> country = _get(dialog, ComboBox.class, spec -> spec.withLabel("País"));
        field(dialog, "NIF/CIF").setValue("12345678A");
        country.setValue("FR");

        assertThat(field(dialog, "NIF/CIF").isInvalid()).isFalse();
    }

    @Test
    void validation_messages_follow_the_users_language() {
        // The language is the user's own (kept in their profile), so an English-speaking colleague.
        switchUser(AccountUiFixtures.employeeInEnglish(users, roles, "sales"));
        UI.getCurrent().navigate(AccountListView.class);
        _click(_get(Button.class, spec -> spec.withText("New account")));
        AccountFormDialog dialog = _get(AccountFormDialog.class);
        ValueListField emails = _get(dialog, ValueListField.class, spec -> spec.withLabel("E-mails"));
        _click(_get(emails, Button.class, spec -> spec.withText("Add e-mail")));
        emails.entryFields().get(0).setValue("not-an-address");

        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));

        assertThat(field(dialog, "Legal name").getErrorMessage()).isEqualTo("Enter the legal name.");
        assertThat(emails.isInvalid()).isTrue();
        assertThat(emails.getErrorMessage()).isEqualTo("Not a valid e-mail address.");
    }

    @Test
    void a_valid_new_account_is_saved_and_opened() {
        String name = "Construcciones " + AccountUiFixtures.word();
        AccountFormDialog dialog = openNewForm();
        field(dialog, "Razón social").setValue(name);
        field(dialog, "NIF/CIF").setValue(AccountUiFixtures.uniqueNif());

        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Cuenta " + name + " guardada.");
        _assertOne(AccountDetailView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(name);
    }

    @Test
    void a_tax_id_already_used_shows_the_existing_account_and_saving_anyway_creates_the_new_one() {
        String nif = AccountUiFixtures.uniqueNif();
        String word = AccountUiFixtures.word();
        AccountForm existing = AccountUiFixtures.form("Existente " + word);
        existing.setTaxId(nif);
        AccountUiFixtures.create(accounts, existing);

        AccountFormDialog dialog = openNewForm();
        field(dialog, "Razón social").setValue("Nueva distinta " + word);
        field(dialog, "NIF/CIF").setValue(nif);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        DuplicateWarningDialog warning = _get(DuplicateWarningDialog.class);
        assertThat(warning.getElement().getTextRecursively()).contains("Existente " + word, "Mismo NIF (" + nif + ")");
        assertThat(named("Nueva distinta " + word)).isEmpty();

        _click(_get(warning, Button.class, spec -> spec.withText("Guardar de todos modos")));

        assertThat(named("Nueva distinta " + word)).hasSize(1);
    }

    @Test
    void opening_the_existing_account_from_the_duplicate_warning_saves_nothing() {
        String word = AccountUiFixtures.word();
        UUID existing = AccountUiFixtures.create(accounts, "Hermanos Quintana " + word);

        AccountFormDialog dialog = openNewForm();
        field(dialog, "Razón social").setValue("Hermanos Quintana " + word);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        DuplicateWarningDialog warning = _get(DuplicateWarningDialog.class);
        _click(_get(warning, Button.class, spec -> spec.withText("Abrir")));

        _assertNone(AccountFormDialog.class);
        _assertOne(AccountDetailView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("accounts/" + existing);
        assertThat(named("Hermanos Quintana " + word)).hasSize(1);
    }

    @Test
    void saving_over_someone_elses_save_lists_their_change_and_overwrites_nothing() {
        String word = AccountUiFixtures.word();
        UUID id = AccountUiFixtures.create(accounts, "Antes " + word);
        UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(id));
        _click(_get(Button.class, spec -> spec.withText("Editar")));
        AccountFormDialog dialog = _get(AccountFormDialog.class);
        field(dialog, "Nombre comercial").setValue("Mi nombre comercial");

        // Someone else saves the same account between loading and saving.
        AccountForm theirs = accounts.getForm(id);
        theirs.setLegalName("Suyo " + word);
        theirs.setWebsite("www.suyo.example");
        accounts.update(theirs);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isTrue();
        ConflictNotice notice = _get(dialog, ConflictNotice.class);
        assertThat(notice.isShown()).isTrue();
        assertThat(_get(notice, Paragraph.class).getText())
                .isEqualTo("Ana Administradora ha guardado este registro mientras lo editabas."
                        + " No se ha guardado ni sobrescrito nada. Ha cambiado:");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(notice, ListItem.class))
                .extracting(item -> item.getElement().getTextRecursively())
                .contains("Razón socialSuyo " + word, "Webwww.suyo.example");
        AccountForm stored = accounts.getForm(id);
        assertThat(stored.getLegalName()).isEqualTo("Suyo " + word);
        assertThat(stored.getTradeName()).isNull();

        // Saving again is refused until their version is loaded; then the user's edit goes through.
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        assertThat(accounts.getForm(id).getTradeName()).isNull();
        _click(_get(notice, Button.class, spec -> spec.withText("Cargar su versión")));
        assertThat(field(dialog, "Razón social").getValue()).isEqualTo("Suyo " + word);
        field(dialog, "Nombre comercial").setValue("Mi nombre comercial");
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(accounts.getForm(id).getTradeName()).isEqualTo("Mi nombre comercial");
        assertThat(accounts.getForm(id).getWebsite()).isEqualTo("www.suyo.example");
    }

    @Test
    void a_code_already_taken_is_shown_on_the_code_field() {
        String word = AccountUiFixtures.word();
        AccountForm first = AccountUiFixtures.form("Primera " + word);
        first.setCode("C" + word.toUpperCase());
        AccountUiFixtures.create(accounts, first);

        AccountFormDialog dialog = openNewForm();
        field(dialog, "Razón social").setValue("Segunda totalmente distinta " + Ids.newId());
        field(dialog, "Código").setValue("C" + word.toUpperCase());
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));

        assertThat(dialog.isOpened()).isTrue();
        assertThat(field(dialog, "Código").isInvalid()).isTrue();
        assertThat(field(dialog, "Código").getErrorMessage()).contains("C" + word.toUpperCase());
    }

    private List<String> named(String name) {
        return AccountUiFixtures.names(lists
                .page(
                        new AccountQuery(
                                new AccountFilter(null, null, null, AccountFilter.Status.ALL, name),
                                AccountSort.byName()),
                        null,
                        50)
                .rows()
                .stream()
                .filter(row -> row.legalName().equals(name))
                .toList());
    }

    private static AccountFormDialog openNewForm() {
        _click(_get(Button.class, spec -> spec.withText("Nueva cuenta")));
        return _get(AccountFormDialog.class);
    }

    private static TextField field(AccountFormDialog dialog, String label) {
        return _get(dialog, TextField.class, spec -> spec.withLabel(label));
    }
}

package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.merge.MergeSide;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountRow;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MergeDialogTest extends KaribuTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    @Autowired
    private AccountListService lists;

    private String word;
    private UUID survivor;
    private UUID duplicate;

    @BeforeEach
    void twoAccountsOfOneCompany() {
        login("admin@demo.nexo");
        word = AccountUiFixtures.word();
        AccountForm first = AccountUiFixtures.form("Grupo Levante " + word);
        first.setWebsite("www.levante-viejo.example");
        survivor = AccountUiFixtures.create(accounts, first);
        AccountForm second = AccountUiFixtures.form("Grupo Levante SL " + word);
        second.setWebsite("www.levante.example");
        duplicate = AccountUiFixtures.create(accounts, second);
        ContactForm contact = new ContactForm();
        contact.setName("Elena Soler");
        contactService.addContact(duplicate, contact);
    }

    @Test
    void merging_keeps_the_chosen_values_moves_the_contacts_and_archives_the_duplicate() {
        UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(survivor));
        _click(_get(Button.class, spec -> spec.withText("Fusionar un duplicado")));
        MergeDialog dialog = _get(MergeDialog.class);
        AccountRow other = lists.quickSearch("Grupo Levante SL " + word, 10).stream()
                .filter(row -> row.id().equals(duplicate))
                .findFirst()
                .orElseThrow();

        dialog.otherPicker().setValue(other);
        assertThat(dialog.picks()).containsKeys(AccountField.LEGAL_NAME, AccountField.WEBSITE);
        dialog.picks().get(AccountField.WEBSITE).setValue(MergeSide.LOSER);
        dialog.picks().get(AccountField.LEGAL_NAME).setValue(MergeSide.SURVIVOR);
        assertThat(dialog.getElement().getTextRecursively()).contains("1 contactos");
        _click(_get(dialog, Button.class, spec -> spec.withText("Fusionar")));

        expectNotifications("Grupo Levante SL " + word + " fusionada en Grupo Levante " + word + ".");
        AccountForm merged = accounts.getForm(survivor);
        assertThat(merged.getLegalName()).isEqualTo("Grupo Levante " + word);
        assertThat(merged.getWebsite()).isEqualTo("www.levante.example");
        assertThat(contactService.contacts(survivor))
                .extracting(ContactRow::name)
                .containsExactly("Elena Soler");
        assertThat(accounts.getDetails(duplicate).mergedInto()).isEqualTo(survivor);
        assertThat(accounts.getForm(duplicate).isArchived()).isTrue();
        assertThat(_get(AccountDetailView.class).getElement().getTextRecursively())
                .contains("fusionó un duplicado en esta cuenta", "trajo un contacto al fusionar");
        @SuppressWarnings("unchecked")
        Grid<ContactRow> contacts = _get(Grid.class, spec -> spec.withClasses("contacts-grid"));
        assertThat(GridKt._fetch(contacts, 0, 10)).extracting(ContactRow::name).containsExactly("Elena Soler");
    }

    @Test
    void the_duplicate_can_be_the_one_that_stays() {
        UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(survivor));
        _click(_get(Button.class, spec -> spec.withText("Fusionar un duplicado")));
        MergeDialog dialog = _get(MergeDialog.class);
        dialog.otherPicker()
                .setValue(lists.quickSearch("Grupo Levante SL " + word, 10).stream()
                        .filter(row -> row.id().equals(duplicate))
                        .findFirst()
                        .orElseThrow());

        dialog.survivorChoice().setValue(false);
        assertThat(dialog.getElement().getTextRecursively()).contains("Grupo Levante " + word + " desaparece");
        _click(_get(dialog, Button.class, spec -> spec.withText("Fusionar")));
        expectNotifications("Grupo Levante " + word + " fusionada en Grupo Levante SL " + word + ".");

        assertThat(accounts.getDetails(survivor).mergedInto()).isEqualTo(duplicate);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("accounts/" + duplicate);
        assertThat(List.of(accounts.getForm(duplicate).isArchived())).containsExactly(false);
    }
}

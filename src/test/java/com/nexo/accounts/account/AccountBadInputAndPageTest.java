package com.nexo.accounts.account;

import static com.nexo.accounts.AccountFixtures.READ_ONLY;
import static com.nexo.accounts.AccountFixtures.SALES;
import static com.nexo.accounts.AccountFixtures.company;
import static com.nexo.accounts.AccountFixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.NewClients;
import com.nexo.accounts.search.NewClientsService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Input the database would refuse (issue 12 item 7), the duplicate warning on later edits, an
 * account's page in one read and the new clients of the dashboard, on the real database.
 */
@NexoSpringTest
class AccountBadInputAndPageTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private AccountPageService pages;

    @Autowired
    private ContactService contactService;

    @Autowired
    private AccountListService lists;

    @Autowired
    private NewClientsService newClients;

    @Autowired
    private UserDetailsService userDetailsService;

    private String tag;

    @BeforeEach
    void aFreshTag() {
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @Test
    void a_nul_byte_in_a_name_is_refused_on_its_field_and_nothing_is_stored() {
        AccountForm form = company("Nulo\0" + tag);

        assertThatThrownBy(() -> as(SALES, () -> accounts.create(form)))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("legalName");
                    assertThat(e.messageKey()).isEqualTo("accounts.validation.control-characters");
                });
        assertThat(as(
                        SALES,
                        () -> lists.count(AccountFilter.search("nulo " + tag)).value()))
                .isZero();
        assertThatThrownBy(() -> as(SALES, () -> accounts.findDuplicates(form)))
                .isInstanceOf(AccountRuleException.class);
    }

    @Test
    void control_characters_in_notes_addresses_e_mails_and_contacts_are_refused_too() {
        UUID id = as(SALES, () -> accounts.create(company("Limpia " + tag)));
        AccountForm edited = as(SALES, () -> accounts.getForm(id));
        edited.setNotes("línea uno\nlínea dos\ttabulada"); // line breaks and tabs are text
        as(SALES, () -> accounts.update(edited));

        AccountForm notes = as(SALES, () -> accounts.getForm(id));
        notes.setNotes("pegado\u0007de un binario");
        assertThatThrownBy(() -> as(SALES, () -> accounts.update(notes)))
                .isInstanceOfSatisfying(
                        AccountRuleException.class, e -> assertThat(e.field()).isEqualTo("notes"));
        AccountForm address = as(SALES, () -> accounts.getForm(id));
        address.setAddresses(List.of(new Address(AddressType.BILLING, "Calle\0Mayor", null, null, null, "ES")));
        assertThatThrownBy(() -> as(SALES, () -> accounts.update(address)))
                .isInstanceOfSatisfying(
                        AccountRuleException.class, e -> assertThat(e.field()).isEqualTo("addresses"));

        ContactForm person = contact("Ana\0" + tag, true);
        assertThatThrownBy(() -> as(SALES, () -> contactService.addContact(id, person)))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.messageKey()).isEqualTo("accounts.validation.control-characters");
                });
        assertThat(as(SALES, () -> contactService.contacts(id))).isEmpty();
        assertThat(as(SALES, () -> accounts.getForm(id).getNotes())).isEqualTo("línea uno\nlínea dos\ttabulada");
    }

    @Test
    void the_duplicate_warning_returns_only_when_what_makes_a_duplicate_changes() {
        AccountForm first = company("Transportes Moncayo " + tag + ", S.L.");
        UUID original = as(SALES, () -> accounts.create(first));
        AccountForm second = company("Transportes Moncayo " + tag + " SL");
        assertThat(as(SALES, () -> accounts.findDuplicates(second)))
                .as("a new account like an existing one is warned about")
                .extracting(DuplicateCandidate::id)
                .contains(original);
        UUID savedDespite = as(SALES, () -> accounts.create(second));

        AccountForm notesOnly = as(SALES, () -> accounts.getForm(savedDespite));
        notesOnly.setNotes("Llamar los lunes");
        notesOnly.setPhones(List.of("+34 976 11 22 33"));
        assertThat(as(SALES, () -> accounts.findDuplicates(notesOnly)))
                .as("editing other fields of an account saved despite the warning")
                .isEmpty();

        AccountForm renamed = as(SALES, () -> accounts.getForm(savedDespite));
        renamed.setTradeName("Transportes Moncayo " + tag);
        assertThat(as(SALES, () -> accounts.findDuplicates(renamed)))
                .as("a changed name is checked again")
                .extracting(DuplicateCandidate::id)
                .contains(original);

        AccountForm newEmail = as(SALES, () -> accounts.getForm(savedDespite));
        newEmail.setEmails(List.of("trafico@moncayo-" + tag + ".es"));
        AccountForm withEmail = as(SALES, () -> accounts.getForm(original));
        withEmail.setEmails(List.of("Trafico@moncayo-" + tag + ".es"));
        as(SALES, () -> accounts.update(withEmail));
        assertThat(as(SALES, () -> accounts.findDuplicates(newEmail)))
                .extracting(DuplicateCandidate::id)
                .contains(original);
    }

    @Test
    void an_accounts_page_comes_in_one_read_with_contacts_history_and_the_names_it_needs() {
        UUID owner = as(SALES, () -> accounts.owners()).get(0).id();
        AccountForm form = company("Página Completa " + tag);
        UUID id = as(SALES, () -> accounts.create(form));
        as(SALES, () -> contactService.addContact(id, contact("Lucía " + tag, true)));
        AccountForm owned = as(SALES, () -> accounts.getForm(id));
        owned.setOwnerId(owner);
        as(SALES, () -> accounts.update(owned));

        AccountPage page = as(READ_ONLY, () -> pages.page(id));

        assertThat(page.id()).isEqualTo(id);
        assertThat(page.details().account().getLegalName()).isEqualTo("Página Completa " + tag);
        assertThat(page.details().contacts()).extracting(c -> c.name()).containsExactly("Lucía " + tag);
        assertThat(page.history()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.history())
                .allSatisfy(entry -> assertThat(entry.userName()).isNotBlank());
        assertThat(page.userNames()).containsKey(owner);
        assertThatThrownBy(() -> as(SALES, () -> pages.page(UUID.randomUUID())))
                .isInstanceOf(AccountRuleException.class);
    }

    @Test
    void new_clients_are_counted_over_thirty_days_and_the_latest_listed_first() {
        UUID client = as(SALES, () -> accounts.create(company("Cliente Nuevo " + tag)));
        AccountForm supplier = company("Proveedor Nuevo " + tag);
        supplier.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        UUID notAClient = as(SALES, () -> accounts.create(supplier));

        NewClients recent = as(READ_ONLY, () -> newClients.newClients(50));

        assertThat(recent.days()).isEqualTo(30);
        assertThat(recent.count()).isGreaterThanOrEqualTo(1);
        assertThat(recent.latest())
                .extracting(NewClients.Client::id)
                .contains(client)
                .doesNotContain(notAClient);
        assertThat(recent.latest())
                .extracting(NewClients.Client::createdAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThatThrownBy(
                        () -> LoggedIn.asUser(userDetailsService, "cliente@demo.nexo", () -> newClients.newClients(5)))
                .isInstanceOf(AccessDeniedException.class);
    }
}

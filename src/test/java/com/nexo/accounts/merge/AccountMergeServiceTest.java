package com.nexo.accounts.merge;

import static com.nexo.accounts.AccountFixtures.SALES;
import static com.nexo.accounts.AccountFixtures.company;
import static com.nexo.accounts.AccountFixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountConflictException;
import com.nexo.accounts.account.AccountDetails;
import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.DeleteOutcome;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.history.ChangeEntry;
import com.nexo.security.PortalUsers;
import com.nexo.security.UserService;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Merging accounts on the real database, as a real user of the demo tenant. */
@NexoSpringTest
class AccountMergeServiceTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    @Autowired
    private AccountMergeService merges;

    @Autowired
    private UserDetailsService userDetailsService;

    @Autowired
    private UserService users;

    @Autowired
    private PortalUsers portalUsers;

    /** Makes names of this test unique, since all tests share one database. */
    private String tag;

    @BeforeEach
    void aFreshTag() {
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @Test
    void a_merge_keeps_chosen_values_moves_contacts_archives_the_loser_and_is_in_the_history() {
        AccountForm a = company("Fusión Superviviente " + tag);
        a.setEmails(List.of("a@fusion-" + tag + ".es"));
        UUID survivor = as(SALES, () -> accounts.create(a));
        AccountForm b = company("Fusion Perdedora " + tag);
        b.setEmails(List.of("b@fusion-" + tag + ".es"));
        b.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        b.setTradeName("Marca B");
        UUID loser = as(SALES, () -> accounts.create(b));
        UUID survivorContact =
                as(SALES, () -> contactService.addContact(survivor, contact("Sara Superviviente", true)));
        UUID loserContact = as(SALES, () -> contactService.addContact(loser, contact("Pedro Perdedor", true)));

        MergePreview preview = as(SALES, () -> merges.previewMerge(survivor, loser));
        assertThat(preview.differences()).contains(AccountField.LEGAL_NAME, AccountField.EMAILS, AccountField.ROLES);
        assertThat(preview.loserContacts()).isOne();

        DeleteOutcome outcome = as(
                SALES,
                () -> merges.merge(new MergeRequest(
                        survivor, 0, loser, 0, Map.of(AccountField.LEGAL_NAME, MergeSide.LOSER), false)));

        assertThat(outcome).isEqualTo(DeleteOutcome.ARCHIVED);
        AccountDetails merged = as(SALES, () -> accounts.getDetails(survivor));
        assertThat(merged.account().getLegalName()).isEqualTo("Fusion Perdedora " + tag);
        assertThat(merged.account().getTradeName()).isEqualTo("Marca B");
        assertThat(merged.account().getEmails()).containsExactly("a@fusion-" + tag + ".es", "b@fusion-" + tag + ".es");
        assertThat(merged.account().getRoles()).containsExactlyInAnyOrder(AccountRole.CLIENT, AccountRole.SUPPLIER);
        assertThat(merged.contacts())
                .extracting(ContactRow::id)
                .containsExactlyInAnyOrder(survivorContact, loserContact);
        assertThat(merged.contacts())
                .filteredOn(ContactRow::primary)
                .extracting(ContactRow::id)
                .containsExactly(survivorContact);
        assertThat(merged.references()).as("the merged account points here").isOne();

        AccountDetails gone = as(SALES, () -> accounts.getDetails(loser));
        assertThat(gone.account().isArchived()).isTrue();
        assertThat(gone.mergedInto()).isEqualTo(survivor);

        assertThat(as(SALES, () -> accounts.history(survivor, null, 20)))
                .filteredOn(entry -> "merge".equals(entry.note()))
                .extracting(ChangeEntry::table)
                .contains("account", "contact");
        assertThat(as(SALES, () -> accounts.delete(survivor)))
                .as("a referenced account is archived, not deleted")
                .isEqualTo(DeleteOutcome.ARCHIVED);
    }

    @Test
    void a_merge_with_a_stale_version_changes_nothing() {
        UUID survivor = as(SALES, () -> accounts.create(company("Vieja A " + tag)));
        UUID loser = as(SALES, () -> accounts.create(company("Vieja B " + tag)));
        AccountForm changed = as(SALES, () -> accounts.getForm(loser));
        changed.setNotes("cambio");
        as(SALES, () -> accounts.update(changed));

        assertThatThrownBy(() -> as(SALES, () -> merges.merge(new MergeRequest(survivor, 0, loser, 0, Map.of(), true))))
                .isInstanceOf(AccountConflictException.class);
        assertThat(as(SALES, () -> accounts.getForm(loser).isArchived())).isFalse();
    }

    @Test
    void a_merge_moves_the_portal_users_of_the_duplicate_and_they_keep_the_survivor_from_being_deleted() {
        UUID survivor = as(SALES, () -> accounts.create(company("Superviviente Portal " + tag)));
        UUID loser = as(SALES, () -> accounts.create(company("Duplicado Portal " + tag)));
        as(
                "admin@demo.nexo",
                () -> users.createUser(new UserService.NewUser(
                        "portal-" + tag + "@cliente.example",
                        "Portal " + tag,
                        ActorType.CLIENT,
                        loser,
                        Set.of(),
                        "Portal-Merge-2026!",
                        "es")));
        assertThat(as(SALES, () -> portalUsers.countOfParty(loser))).isOne();
        assertThat(as(SALES, () -> accounts.getDetails(loser).references())).isOne();

        DeleteOutcome outcome = as(SALES, () -> merges.merge(new MergeRequest(survivor, 0, loser, 0, Map.of(), true)));

        assertThat(outcome).as("nothing refers to the duplicate any more").isEqualTo(DeleteOutcome.DELETED);
        assertThat(as(SALES, () -> portalUsers.countOfParty(loser))).isZero();
        assertThat(as(SALES, () -> portalUsers.countOfParty(survivor))).isOne();
        assertThat(as(SALES, () -> accounts.delete(survivor)))
                .as("an account with portal users is archived, not deleted")
                .isEqualTo(DeleteOutcome.ARCHIVED);
    }
}

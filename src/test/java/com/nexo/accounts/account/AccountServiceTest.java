package com.nexo.accounts.account;

import static com.nexo.accounts.AccountFixtures.READ_ONLY;
import static com.nexo.accounts.AccountFixtures.SALES;
import static com.nexo.accounts.AccountFixtures.company;
import static com.nexo.accounts.AccountFixtures.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.export.AccountExportService;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The one-account service on the real database, as real users of the demo tenant (RLS applies). */
@NexoSpringTest
class AccountServiceTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    @Autowired
    private AccountExportService exports;

    @Autowired
    private AccountListService lists;

    @Autowired
    private UserDetailsService userDetailsService;

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
    void an_account_is_created_read_changed_archived_and_deleted() {
        AccountForm form = company("Fontanería Zaragozana " + tag + ", S.L.");
        form.setTaxId("b-1234567-4");
        form.setEmails(List.of(" Info@Fontaneria-" + tag + ".es "));
        form.setAddresses(
                List.of(new Address(AddressType.BILLING, "Calle Alfonso I, 3", "50003", "Zaragoza", null, "ES")));
        form.setTags(Set.of("fontanería"));
        UUID id = as(SALES, () -> accounts.create(form));

        AccountForm read = as(SALES, () -> accounts.getForm(id));
        assertThat(read.getCode()).as("a code was proposed").matches("[0-9]{6,}");
        assertThat(read.getTaxId()).as("Spanish ids are stored normalised").isEqualTo("B12345674");
        assertThat(read.getEmails()).containsExactly("info@fontaneria-" + tag + ".es");
        assertThat(read.getAddresses()).extracting(Address::city).containsExactly("Zaragoza");
        assertThat(read.getVersion()).isZero();

        read.setTradeName("La Zaragozana");
        long version = as(SALES, () -> accounts.update(read));
        assertThat(version).isEqualTo(1);
        assertThat(as(SALES, () -> accounts.getForm(id).getTradeName())).isEqualTo("La Zaragozana");

        as(SALES, () -> {
            accounts.archive(id);
            return null;
        });
        assertThat(as(SALES, () -> accounts.getForm(id).isArchived())).isTrue();
        assertThat(as(SALES, () -> accounts.delete(id))).isEqualTo(DeleteOutcome.DELETED);
        assertThatThrownBy(() -> as(SALES, () -> accounts.getForm(id)))
                .isInstanceOf(AccountRuleException.class)
                .extracting(e -> ((AccountRuleException) e).messageKey())
                .isEqualTo("accounts.error.not-found");
    }

    @Test
    void codes_are_unique_and_an_invalid_spanish_tax_id_is_refused_on_its_field() {
        AccountForm first = company("Primera " + tag);
        first.setCode("T-" + tag);
        as(SALES, () -> accounts.create(first));

        AccountForm second = company("Segunda " + tag);
        second.setCode("T-" + tag);
        assertThatThrownBy(() -> as(SALES, () -> accounts.create(second)))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("accounts.error.code-taken");
                    assertThat(e.field()).isEqualTo("code");
                });

        AccountForm wrongNif = company("Tercera " + tag);
        wrongNif.setTaxId("12345678A");
        assertThatThrownBy(() -> as(SALES, () -> accounts.create(wrongNif)))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("accounts.validation.tax-id");
                    assertThat(e.field()).isEqualTo("taxId");
                });

        AccountForm foreign = company("Fourth " + tag);
        foreign.setCountry("GB");
        foreign.setTaxId("GB 123 4567 89");
        UUID id = as(SALES, () -> accounts.create(foreign));
        assertThat(as(SALES, () -> accounts.getForm(id).getTaxId())).isEqualTo("GB 123 4567 89");
    }

    @Test
    void a_user_without_the_permission_is_refused() {
        assertThatThrownBy(() -> as(READ_ONLY, () -> accounts.create(company("Nope " + tag))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(
                        READ_ONLY,
                        () -> lists.page(AccountQuery.active(), null, 5).rows()))
                .isNotEmpty();
        assertThatThrownBy(() -> as(
                        READ_ONLY,
                        () -> exports.exportCsv(
                                null, Locale.ENGLISH, java.time.ZoneOffset.UTC, new ByteArrayOutputStream())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void duplicates_are_found_by_tax_id_email_and_a_very_similar_name() {
        String cif = TaxIds.spanishCif('B', Math.abs(tag.hashCode()) % 9_000_000);
        AccountForm existing = company("Maderas Ribagorza " + tag + ", S.L.");
        existing.setTaxId(cif);
        existing.setEmails(List.of("pedidos@ribagorza-" + tag + ".es"));
        UUID id = as(SALES, () -> accounts.create(existing));

        AccountForm sameTaxId = company("Otro nombre completamente distinto");
        sameTaxId.setTaxId("ES-" + cif.substring(0, 4) + " " + cif.substring(4));
        AccountForm sameEmail = company("Nada que ver");
        sameEmail.setEmails(List.of("PEDIDOS@ribagorza-" + tag + ".es"));
        AccountForm similarName = company("Maderas Ribagorza " + tag + " SL");

        assertThat(as(SALES, () -> accounts.findDuplicates(sameTaxId)))
                .filteredOn(c -> c.id().equals(id))
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).contains(DuplicateCandidate.Reason.SAME_TAX_ID));
        assertThat(as(SALES, () -> accounts.findDuplicates(sameEmail)))
                .filteredOn(c -> c.id().equals(id))
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).contains(DuplicateCandidate.Reason.SAME_EMAIL));
        assertThat(as(SALES, () -> accounts.findDuplicates(similarName)))
                .filteredOn(c -> c.id().equals(id))
                .singleElement()
                .satisfies(c -> assertThat(c.reasons()).contains(DuplicateCandidate.Reason.SIMILAR_NAME));

        AccountForm itself = as(SALES, () -> accounts.getForm(id));
        assertThat(as(SALES, () -> accounts.findDuplicates(itself)))
                .as("an account is not its own duplicate")
                .extracting(DuplicateCandidate::id)
                .doesNotContain(id);
    }

    @Test
    void saving_over_a_newer_version_is_refused_with_what_changed_and_who_changed_it() {
        UUID id = as(SALES, () -> accounts.create(company("Conflicto " + tag)));
        AccountForm mine = as(SALES, () -> accounts.getForm(id));
        AccountForm theirs = as("admin@demo.nexo", () -> accounts.getForm(id));
        theirs.setLegalName("Conflicto Resuelto " + tag);
        theirs.setPhones(List.of("+34 600 000 000"));
        as("admin@demo.nexo", () -> accounts.update(theirs));

        mine.setNotes("Mi cambio");
        assertThatThrownBy(() -> as(SALES, () -> accounts.update(mine)))
                .isInstanceOfSatisfying(AccountConflictException.class, conflict -> {
                    assertThat(conflict.yourVersion()).isZero();
                    assertThat(conflict.currentVersion()).isEqualTo(1);
                    assertThat(conflict.changes())
                            .extracting(AccountConflictException.FieldDifference::field)
                            .containsExactlyInAnyOrder(AccountField.LEGAL_NAME, AccountField.PHONES);
                    assertThat(conflict.changes())
                            .filteredOn(c -> c.field() == AccountField.LEGAL_NAME)
                            .singleElement()
                            .satisfies(c -> {
                                assertThat(c.yourValue()).isEqualTo("\"Conflicto " + tag + "\"");
                                assertThat(c.currentValue()).isEqualTo("\"Conflicto Resuelto " + tag + "\"");
                            });
                    assertThat(conflict.changedBy()).containsExactly("Ana Administradora");
                });
        assertThat(as(SALES, () -> accounts.getForm(id).getNotes()))
                .as("nothing was overwritten")
                .isNull();
    }

    @Test
    void every_change_of_an_account_and_its_contacts_is_in_its_timeline_with_the_user() {
        UUID id = as(SALES, () -> accounts.create(company("Historia " + tag)));
        UUID contactId = as(SALES, () -> contactService.addContact(id, contact("Hilda Historia", true)));
        AccountForm form = as(SALES, () -> accounts.getForm(id));
        form.setWebsite("https://historia.example");
        as(SALES, () -> accounts.update(form));
        ContactForm person = as(SALES, () -> contactService.getContact(contactId));
        person.setPosition("Archivera");
        as(SALES, () -> contactService.updateContact(person));

        List<ChangeEntry> timeline = as(SALES, () -> accounts.history(id, null, 50));

        assertThat(timeline)
                .extracting(ChangeEntry::table, ChangeEntry::operation)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("contact", "UPDATE"),
                        org.assertj.core.groups.Tuple.tuple("account", "UPDATE"),
                        org.assertj.core.groups.Tuple.tuple("contact", "INSERT"),
                        org.assertj.core.groups.Tuple.tuple("account", "INSERT"));
        assertThat(timeline).allSatisfy(entry -> assertThat(entry.userName()).isEqualTo("Sergio Ventas"));
        assertThat(timeline.get(1).changes())
                .containsExactly(new FieldChange("website", null, "\"https://historia.example\""));
        assertThat(timeline.get(0).changes()).containsExactly(new FieldChange("position", null, "\"Archivera\""));
        assertThat(as(SALES, () -> accounts.history(id, timeline.get(0).id(), 2)))
                .extracting(ChangeEntry::id)
                .containsExactly(timeline.get(1).id(), timeline.get(2).id());
    }
}

package com.nexo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The accounts service on the real database, as real users of the demo tenant (RLS applies). */
@NexoSpringTest
class AccountServiceTest {

    static final String SALES = "ventas@demo.nexo";
    static final String READ_ONLY = "consulta@demo.nexo";

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    @Autowired
    private AccountExportService exports;

    @Autowired
    private SavedFilterService filters;

    @Autowired
    private AccountListService lists;

    @Autowired
    private AccountMergeService merges;

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

    static AccountForm company(String name) {
        AccountForm form = new AccountForm();
        form.setLegalName(name);
        form.setRoles(EnumSet.of(AccountRole.CLIENT));
        return form;
    }

    static ContactForm contact(String name, boolean primary) {
        ContactForm form = new ContactForm();
        form.setName(name);
        form.setPrimary(primary);
        return form;
    }

    // --- CRUD --------------------------------------------------------------------------------

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
        assertThat(as(READ_ONLY, () -> lists.list(AccountFilter.active(), AccountSort.byName(), 0, 5)))
                .isNotEmpty();
        assertThatThrownBy(() ->
                        as(READ_ONLY, () -> exports.exportCsv(null, null, Locale.ENGLISH, new ByteArrayOutputStream())))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- Contacts ----------------------------------------------------------------------------

    @Test
    void an_account_has_at_most_one_primary_contact() {
        UUID id = as(SALES, () -> accounts.create(company("Contactos " + tag)));
        UUID first = as(SALES, () -> contactService.addContact(id, contact("Ana Uno", false)));
        UUID second = as(SALES, () -> contactService.addContact(id, contact("Berta Dos", true)));
        UUID third = as(SALES, () -> contactService.addContact(id, contact("Carla Tres", false)));

        assertThat(as(SALES, () -> contactService.contacts(id)))
                .filteredOn(ContactRow::primary)
                .extracting(ContactRow::id)
                .containsExactly(second);

        as(SALES, () -> {
            contactService.makePrimary(third);
            return null;
        });
        assertThat(as(SALES, () -> contactService.contacts(id)))
                .filteredOn(ContactRow::primary)
                .extracting(ContactRow::id)
                .containsExactly(third);
        assertThat(first).isNotNull();
    }

    // --- Lists and search --------------------------------------------------------------------

    @Test
    void the_quick_search_ignores_accents_and_case_finds_parts_of_words_and_tolerates_a_typo() {
        AccountForm form = company("Peñalver Construcciones Ñandú " + tag + ", S.L.");
        form.setPhones(List.of("+34 976 55 44 33"));
        form.setEmails(List.of("obras@penalver-" + tag + ".es"));
        UUID id = as(SALES, () -> accounts.create(form));

        for (String query : List.of(
                "penalver " + tag, // no accent
                "PEÑALVER " + tag, // case
                "constru " + tag, // part of a word
                "construciones " + tag, // a typo (missing letter)
                "nandu " + tag,
                "976554433", // phone digits
                "obras@penalver-" + tag)) {
            assertThat(as(SALES, () -> lists.quickSearch(query, 10)))
                    .as(query)
                    .extracting(AccountRow::id)
                    .contains(id);
        }
        assertThat(as(SALES, () -> lists.quickSearch("zzzqqq " + tag, 10))).isEmpty();
    }

    @Test
    void pages_follow_one_another_without_gaps_or_repeats_in_both_directions() {
        String tagName = "paging-" + tag;
        for (int i = 0; i < 7; i++) {
            AccountForm form = company("Página " + tag + " " + (char) ('A' + i));
            form.setTags(Set.of(tagName));
            form.setRoles(i % 2 == 0 ? EnumSet.of(AccountRole.CLIENT) : EnumSet.of(AccountRole.SUPPLIER));
            as(SALES, () -> accounts.create(form));
        }
        AccountFilter filter = new AccountFilter(Set.of(), tagName, null, AccountFilter.Status.ACTIVE, null);
        for (AccountSort sort : List.of(
                AccountSort.byName(),
                new AccountSort(AccountSort.Column.NAME, true),
                new AccountSort(AccountSort.Column.CODE, false),
                new AccountSort(AccountSort.Column.UPDATED, true),
                new AccountSort(AccountSort.Column.CREATED, false))) {
            List<UUID> paged = new ArrayList<>();
            PageCursor cursor = null;
            do {
                PageCursor after = cursor;
                AccountPage page = as(SALES, () -> lists.page(filter, sort, after, 3));
                page.rows().forEach(row -> paged.add(row.id()));
                cursor = page.next();
            } while (cursor != null);
            List<UUID> offsets = as(SALES, () -> lists.list(filter, sort, 0, 100)).stream()
                    .map(AccountRow::id)
                    .toList();
            assertThat(paged)
                    .as(sort.toString())
                    .hasSize(7)
                    .doesNotHaveDuplicates()
                    .isEqualTo(offsets);
        }
        assertThat(as(SALES, () -> lists.list(filter, AccountSort.byName(), 0, 100)))
                .extracting(AccountRow::legalName)
                .isSorted();
        AccountFilter suppliers =
                new AccountFilter(Set.of(AccountRole.SUPPLIER), tagName, null, AccountFilter.Status.ACTIVE, null);
        assertThat(as(SALES, () -> lists.count(suppliers))).isEqualTo(new CountEstimate(3, true, 1000));
    }

    @Test
    void saved_filters_belong_to_the_user_who_saved_them() {
        AccountFilter filter =
                new AccountFilter(Set.of(AccountRole.SUPPLIER), "metal", null, AccountFilter.Status.ALL, "acero");
        SavedFilter saved = as(SALES, () -> filters.saveFilter("Proveedores " + tag, filter, AccountSort.byName()));

        assertThat(as(SALES, () -> filters.savedFilters()))
                .filteredOn(f -> f.id().equals(saved.id()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.filter()).isEqualTo(filter);
                    assertThat(f.sort()).isEqualTo(AccountSort.byName());
                });
        assertThat(as(READ_ONLY, () -> filters.savedFilters()))
                .extracting(SavedFilter::id)
                .doesNotContain(saved.id());

        as(SALES, () -> {
            filters.deleteSavedFilter(saved.id());
            return null;
        });
        assertThat(as(SALES, () -> filters.savedFilters()))
                .extracting(SavedFilter::id)
                .doesNotContain(saved.id());
    }

    @Test
    void the_export_streams_the_filtered_accounts_as_csv_with_a_translated_header() {
        String tagName = "export-" + tag;
        for (String name : List.of("Exportada Uno, S.L.", "Exportada \"Dos\"")) {
            AccountForm form = company(name + " " + tag);
            form.setTags(Set.of(tagName));
            as(SALES, () -> accounts.create(form));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = as(
                SALES,
                () -> exports.exportCsv(
                        new AccountFilter(Set.of(), tagName, null, null, null),
                        AccountSort.byName(),
                        Locale.of("es"),
                        out));

        assertThat(written).isEqualTo(2);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("\uFEFFCódigo,Tipo,Roles,Razón social");
        assertThat(lines.get(1)).contains("\"Exportada \"\"Dos\"\" " + tag + "\"");
        assertThat(lines.get(2)).contains("\"Exportada Uno, S.L. " + tag + "\"");
    }

    // --- Duplicates --------------------------------------------------------------------------

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

    // --- Optimistic locking and history ------------------------------------------------------

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

        List<ChangeEntry> timeline = as(SALES, () -> accounts.history(id, 0, 50));

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
        assertThat(as(SALES, () -> accounts.history(id, 1, 2)))
                .extracting(ChangeEntry::id)
                .containsExactly(timeline.get(1).id(), timeline.get(2).id());
    }

    // --- Merge -------------------------------------------------------------------------------

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

        assertThat(as(SALES, () -> accounts.history(survivor, 0, 20)))
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
    void keys_of_listed_rows_are_unique() {
        Set<UUID> seen = new HashSet<>();
        for (AccountRow row : as(SALES, () -> lists.list(AccountFilter.active(), AccountSort.byName(), 0, 200))) {
            assertThat(seen.add(row.id())).isTrue();
        }
    }
}

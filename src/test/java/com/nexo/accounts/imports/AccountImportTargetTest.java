package com.nexo.accounts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.TaxIds;
import com.nexo.imports.ImportBatch;
import com.nexo.imports.ImportRow;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
import com.nexo.imports.Refusal;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.UndoOutcome;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts import target against the real database, as the application role and a logged-in
 * employee (row-level security applies): creating, updating and leaving accounts by code and by tax
 * id, dry runs, refusals, undo, and that another tenant's accounts are never matched or touched.
 */
@NexoSpringTest
class AccountImportTargetTest {

    private static final String B_ADMIN = "admin@northwind.nexo";
    private static final AtomicInteger NUMBERS = new AtomicInteger(1_000_000 + (int) (System.nanoTime() % 1_000_000));

    @Autowired
    private List<ImportTarget> targets;

    @Autowired
    private AccountService accounts;

    @Autowired
    private UserDetailsService userDetailsService;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcClient jdbc;

    private ImportTarget target;
    private String tag;

    @BeforeEach
    void theAccountsTarget() {
        target = targets.stream()
                .filter(t -> t.id().equals("accounts"))
                .findFirst()
                .orElseThrow();
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(
                userDetailsService, email, () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
    }

    private List<RowOutcome> apply(String user, String key, boolean write, List<ImportRow> rows) {
        return as(user, () -> target.apply(new ImportBatch(UUID.randomUUID(), key, write, rows)));
    }

    private List<UndoOutcome> undo(String user, List<RowOutcome> outcomes, boolean includeChangedLater) {
        List<ImportedChange> changes = outcomes.stream()
                .filter(o -> o.action() == RowAction.CREATED || o.action() == RowAction.UPDATED)
                .map(o -> new ImportedChange(o.line(), o.entityId(), o.action(), o.undoData(), o.versionAfter()))
                .toList();
        return as(user, () -> target.undo(changes, includeChangedLater, true));
    }

    private static ImportRow row(long line, Object... fieldsAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new ImportRow(line, values);
    }

    private static String cif() {
        return TaxIds.spanishCif('B', NUMBERS.incrementAndGet() % 10_000_000);
    }

    private Map<String, Object> stored(String user, UUID id) {
        return as(
                user,
                () -> jdbc.sql("""
                        SELECT code, kind, roles::text AS roles, legal_name, trade_name, tax_id, country,
                               addresses::text AS addresses, emails::text AS emails, phones::text AS phones,
                               credit_limit, language, tags::text AS tags, notes, archived, version,
                               (SELECT count(*) FROM contact c WHERE c.account_id = a.id) AS contacts,
                               (SELECT count(*) FROM contact c WHERE c.account_id = a.id AND c.is_primary) AS primaries
                          FROM account a WHERE id = :id
                        """).param("id", id).query().listOfRows().stream()
                        .findFirst()
                        .orElse(null));
    }

    private long count(String user, String sql, Object... params) {
        return as(user, () -> {
            JdbcClient.StatementSpec spec = jdbc.sql(sql);
            for (Object param : params) {
                spec = spec.param(param);
            }
            return spec.query(Long.class).single();
        });
    }

    @Test
    void rows_create_new_accounts_then_update_only_the_mapped_fields_then_leave_identical_ones_unchanged() {
        List<ImportRow> rows = List.of(
                row(
                        2,
                        "code",
                        "I-" + tag + "-1",
                        "legalName",
                        "Talleres Ebro " + tag + " S.L.",
                        "kind",
                        "ORGANIZATION",
                        "roles",
                        List.of("cliente", "Proveedor"),
                        "taxId",
                        cif(),
                        "email",
                        "info@ebro.example",
                        "phone",
                        "976 55 44 33",
                        "creditLimit",
                        new BigDecimal("1500.5"),
                        "language",
                        "es",
                        "tags",
                        List.of("metal", "zaragoza"),
                        "street",
                        "Calle Mayor 1",
                        "postalCode",
                        "50001",
                        "city",
                        "Zaragoza",
                        "province",
                        "Zaragoza",
                        "contactName",
                        "Ana Pérez",
                        "contactEmail",
                        "ana@ebro.example",
                        "contactPosition",
                        "Compras"),
                row(
                        3,
                        "code",
                        "I-" + tag + "-2",
                        "legalName",
                        "Lucía Gil " + tag,
                        "kind",
                        "INDIVIDUAL",
                        "country",
                        "FR",
                        "taxId",
                        "FR 123 456"));

        List<RowOutcome> created = apply(AccountFixtures.SALES, "code", true, rows);

        assertThat(created).extracting(RowOutcome::action).containsExactly(RowAction.CREATED, RowAction.CREATED);
        assertThat(created).extracting(RowOutcome::versionAfter).containsExactly(0L, 0L);
        Map<String, Object> first = stored(AccountFixtures.SALES, created.get(0).entityId());
        assertThat(first.get("legal_name")).isEqualTo("Talleres Ebro " + tag + " S.L.");
        assertThat(first.get("roles")).isEqualTo("{CLIENT,SUPPLIER}");
        assertThat(first.get("country")).isEqualTo("ES");
        assertThat(first.get("emails")).isEqualTo("{info@ebro.example}");
        assertThat((BigDecimal) first.get("credit_limit")).isEqualByComparingTo("1500.50");
        assertThat((String) first.get("addresses"))
                .contains(
                        "\"type\": \"BILLING\"",
                        "\"street\": \"Calle Mayor 1\"",
                        "\"region\": \"Zaragoza\"",
                        "\"country\": \"ES\"");
        assertThat(first.get("contacts")).isEqualTo(1L);
        assertThat(first.get("primaries")).isEqualTo(1L);
        assertThat(created.get(0).undoData()).contains("contacts");
        Map<String, Object> second =
                stored(AccountFixtures.SALES, created.get(1).entityId());
        assertThat(second.get("roles")).as("the default role").isEqualTo("{CLIENT}");
        assertThat(second.get("tax_id"))
                .as("another country's tax id is kept as written")
                .isEqualTo("FR 123 456");
        // Found by the quick search like any account (search text and words kept by the table).
        assertThat(count(
                        AccountFixtures.SALES,
                        "SELECT count(*) FROM nexo_account_search(ARRAY['ebro', ?], NULL, 10, 0.5)",
                        tag.toLowerCase()))
                .isOne();

        assertThat(apply(AccountFixtures.SALES, "code", true, rows))
                .as("the same rows again")
                .extracting(RowOutcome::action)
                .containsExactly(RowAction.UNCHANGED, RowAction.UNCHANGED);

        List<RowOutcome> updated = apply(
                AccountFixtures.SALES,
                "code",
                true,
                List.of(
                        row(
                                2,
                                "code",
                                "I-" + tag + "-1",
                                "legalName",
                                "Talleres Ebro " + tag + " S.A.",
                                "tags",
                                List.of("nuevo"),
                                "email",
                                "compras@ebro.example"),
                        row(
                                3,
                                "code",
                                "I-" + tag + "-2",
                                "legalName",
                                "Lucía Gil " + tag,
                                "contactName",
                                "Lucía Gil")));

        assertThat(updated).extracting(RowOutcome::action).containsExactly(RowAction.UPDATED, RowAction.UPDATED);
        assertThat(updated.get(0).versionAfter()).isEqualTo(1L);
        assertThat(updated.get(0).undoData())
                .contains("\"legal_name\":\"Talleres Ebro " + tag + " S.L.\"", "\"tags\":[\"metal\",\"zaragoza\"]")
                .doesNotContain("credit_limit");
        assertThat(updated.get(1).versionAfter())
                .as("only a contact added: the account itself unchanged")
                .isZero();
        first = stored(AccountFixtures.SALES, created.get(0).entityId());
        assertThat(first.get("legal_name")).isEqualTo("Talleres Ebro " + tag + " S.A.");
        assertThat(first.get("tags")).isEqualTo("{metal,zaragoza,nuevo}");
        assertThat(first.get("emails")).isEqualTo("{compras@ebro.example,info@ebro.example}");
        assertThat(first.get("phones")).as("not mapped: kept").isEqualTo("{\"976 55 44 33\"}");
        assertThat(first.get("version")).isEqualTo(1L);
        assertThat(stored(AccountFixtures.SALES, created.get(1).entityId()).get("contacts"))
                .isEqualTo(1L);
    }

    @Test
    void rows_match_by_tax_id_written_in_any_way_and_rows_without_one_get_numbered_codes() {
        String taxId = cif();
        AccountForm form = AccountFixtures.company("Harinas " + tag);
        form.setTaxId(taxId);
        UUID existing = LoggedIn.asUser(userDetailsService, AccountFixtures.SALES, () -> accounts.create(form));
        String written = "es-" + taxId.charAt(0) + "." + taxId.substring(1, 5) + " " + taxId.substring(5);

        List<RowOutcome> outcomes = apply(
                AccountFixtures.SALES,
                "taxId",
                true,
                List.of(
                        row(2, "taxId", written, "legalName", "Harinas " + tag, "notes", "importado"),
                        row(3, "legalName", "Sin NIF " + tag),
                        row(4, "taxId", cif(), "legalName", "Nueva " + tag)));

        assertThat(outcomes)
                .extracting(RowOutcome::action)
                .containsExactly(RowAction.UPDATED, RowAction.CREATED, RowAction.CREATED);
        assertThat(outcomes.get(0).entityId()).isEqualTo(existing);
        assertThat(stored(AccountFixtures.SALES, existing).get("tax_id"))
                .as("not changed")
                .isEqualTo(taxId);
        String code1 = (String)
                stored(AccountFixtures.SALES, outcomes.get(1).entityId()).get("code");
        String code2 = (String)
                stored(AccountFixtures.SALES, outcomes.get(2).entityId()).get("code");
        assertThat(code1).matches("[0-9]{6}");
        assertThat(code2).matches("[0-9]{6}").isNotEqualTo(code1);
        assertThat(LoggedIn.asUser(userDetailsService, AccountFixtures.SALES, () -> accounts.proposeCode()))
                .as("the form's next code comes after the imported ones")
                .isGreaterThan(code1)
                .isGreaterThan(code2);
    }

    @Test
    void a_dry_run_gives_the_outcomes_of_a_real_run_and_writes_nothing() {
        String taxId = cif();
        AccountForm form = AccountFixtures.company("Seca " + tag);
        form.setCode("D-" + tag);
        UUID existing = LoggedIn.asUser(userDetailsService, AccountFixtures.SALES, () -> accounts.create(form));
        List<ImportRow> rows = List.of(
                row(2, "code", "D-" + tag, "legalName", "Seca " + tag, "taxId", taxId),
                row(3, "code", "D-" + tag + "-N", "legalName", "Nueva seca " + tag, "contactName", "Pepa"),
                row(4, "legalName", "Sin código " + tag),
                row(5, "code", "D-" + tag + "-X", "legalName", "Mala " + tag, "taxId", "B00000001"));
        long accountsBefore = count(AccountFixtures.SALES, "SELECT count(*) FROM account");
        long counterBefore =
                count(AccountFixtures.SALES, "SELECT coalesce(max(next_value), 0) FROM account_code_counter");

        List<RowOutcome> dry = apply(AccountFixtures.SALES, "code", false, rows);

        assertThat(dry)
                .extracting(RowOutcome::action)
                .containsExactly(RowAction.UPDATED, RowAction.CREATED, RowAction.CREATED, RowAction.REFUSED);
        assertThat(count(AccountFixtures.SALES, "SELECT count(*) FROM account")).isEqualTo(accountsBefore);
        assertThat(count(AccountFixtures.SALES, "SELECT coalesce(max(next_value), 0) FROM account_code_counter"))
                .isEqualTo(counterBefore);
        assertThat(stored(AccountFixtures.SALES, existing).get("version")).isEqualTo(0L);

        List<RowOutcome> real = apply(AccountFixtures.SALES, "code", true, rows);
        assertThat(real)
                .extracting(RowOutcome::action)
                .containsExactlyElementsOf(dry.stream().map(RowOutcome::action).toList());
        assertThat(real)
                .extracting(RowOutcome::refusal)
                .containsExactlyElementsOf(dry.stream().map(RowOutcome::refusal).toList());
    }

    @Test
    void rows_that_break_a_rule_are_refused_with_the_field_and_the_reason() {
        String otherCode = "R-" + tag + "-OTHER";
        AccountForm other = AccountFixtures.company("Otra " + tag);
        other.setCode(otherCode);
        LoggedIn.asUser(userDetailsService, AccountFixtures.SALES, () -> accounts.create(other));

        List<RowOutcome> outcomes = apply(
                AccountFixtures.SALES,
                "taxId",
                true,
                List.of(
                        row(2, "legalName", "A " + tag, "taxId", "B12345678"),
                        row(3, "legalName", "B " + tag, "country", "E1"),
                        row(4, "legalName", "C " + tag, "roles", List.of("cliente", "amigo")),
                        row(5, "legalName", "D " + tag, "code", otherCode),
                        row(6, "legalName", "E " + tag, "phone", "llámame"),
                        row(7, "legalName", "F " + tag, "contactEmail", "x@y.example"),
                        row(8, "legalName", "G " + tag, "code", "con espacios"),
                        row(9, "legalName", "H " + tag, "creditLimit", new BigDecimal("-1")),
                        row(10, "legalName", "I " + tag, "code", "R-" + tag + "-SAME"),
                        row(11, "legalName", "J " + tag, "code", "R-" + tag + "-SAME")));

        assertThat(outcomes)
                .extracting(RowOutcome::refusal)
                .containsExactly(
                        Refusal.of("taxId", "accounts.validation.tax-id"),
                        Refusal.of("country", "accounts.validation.country"),
                        Refusal.of("roles", "accounts.import.unknown-role", "cliente, amigo"),
                        Refusal.of("code", "accounts.error.code-taken", otherCode),
                        Refusal.of("phone", "accounts.validation.phone"),
                        Refusal.of("contactName", "accounts.validation.contact-name-required"),
                        Refusal.of("code", "accounts.validation.code-format"),
                        Refusal.of("creditLimit", "accounts.validation.credit-limit"),
                        null,
                        Refusal.of("code", "accounts.error.code-taken", "R-" + tag + "-SAME"));
        assertThat(outcomes.get(8).action()).isEqualTo(RowAction.CREATED);
        assertThat(count(AccountFixtures.SALES, "SELECT count(*) FROM account WHERE legal_name LIKE ?", "% " + tag))
                .as("only the valid row and the one made beforehand")
                .isEqualTo(2);
    }

    @Test
    void undo_deletes_created_accounts_with_their_contacts_and_restores_updated_ones() {
        AccountForm form = AccountFixtures.company("Antes " + tag);
        form.setCode("U-" + tag);
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        UUID existing = LoggedIn.asUser(userDetailsService, AccountFixtures.SALES, () -> accounts.create(form));

        List<RowOutcome> imported = apply(
                AccountFixtures.SALES,
                "code",
                true,
                List.of(
                        row(
                                2,
                                "code",
                                "U-" + tag,
                                "legalName",
                                "Después " + tag,
                                "roles",
                                List.of("cliente"),
                                "contactName",
                                "Nuevo contacto",
                                "city",
                                "Huesca"),
                        row(3, "code", "U-" + tag + "-N", "legalName", "Creada " + tag, "contactName", "Con ella")));
        assertThat(imported).extracting(RowOutcome::action).containsExactly(RowAction.UPDATED, RowAction.CREATED);
        UUID created = imported.get(1).entityId();

        List<UndoOutcome> undone = undo(AccountFixtures.SALES, imported, false);

        assertThat(undone)
                .containsExactly(
                        new UndoOutcome(existing, UndoOutcome.Result.RESTORED),
                        new UndoOutcome(created, UndoOutcome.Result.DELETED));
        Map<String, Object> restored = stored(AccountFixtures.SALES, existing);
        assertThat(restored.get("legal_name")).isEqualTo("Antes " + tag);
        assertThat(restored.get("roles")).isEqualTo("{SUPPLIER}");
        assertThat(restored.get("addresses")).isEqualTo("[]");
        assertThat(restored.get("contacts")).isEqualTo(0L);
        assertThat(restored.get("version")).isEqualTo(2L);
        assertThat(stored(AccountFixtures.SALES, created)).isNull();
        assertThat(count(
                        AccountFixtures.SALES,
                        "SELECT count(*) FROM contact WHERE name = 'Con ella' AND account_id = ?",
                        created))
                .isZero();
        assertThat(undo(AccountFixtures.SALES, imported, false))
                .as("undone twice: the created one is gone, the updated one changed since")
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.CHANGED_LATER, UndoOutcome.Result.GONE);
    }

    @Test
    void undo_leaves_an_account_changed_later_alone_unless_asked_to_include_it() {
        List<RowOutcome> created = apply(
                AccountFixtures.SALES,
                "code",
                true,
                List.of(row(2, "code", "L-" + tag, "legalName", "Primera " + tag)));
        List<RowOutcome> updated = apply(
                AccountFixtures.SALES,
                "code",
                true,
                List.of(row(2, "code", "L-" + tag, "legalName", "Segunda " + tag, "notes", "de la importación")));
        UUID id = updated.get(0).entityId();
        LoggedIn.asUser(userDetailsService, AccountFixtures.SALES, () -> {
            AccountForm form = accounts.getForm(id);
            form.setTradeName("Cambiada a mano");
            return accounts.update(form);
        });

        assertThat(undo(AccountFixtures.SALES, updated, false))
                .containsExactly(new UndoOutcome(id, UndoOutcome.Result.CHANGED_LATER));
        assertThat(stored(AccountFixtures.SALES, id).get("legal_name")).isEqualTo("Segunda " + tag);

        assertThat(undo(AccountFixtures.SALES, updated, true))
                .containsExactly(new UndoOutcome(id, UndoOutcome.Result.RESTORED));
        Map<String, Object> restored = stored(AccountFixtures.SALES, id);
        assertThat(restored.get("legal_name")).isEqualTo("Primera " + tag);
        assertThat(restored.get("notes")).isNull();
        assertThat(restored.get("trade_name"))
                .as("not the import's change: kept")
                .isEqualTo("Cambiada a mano");
        assertThat(created.get(0).action()).isEqualTo(RowAction.CREATED);
    }

    @Test
    void undo_archives_created_accounts_that_something_refers_to_now_and_deletes_the_others() {
        List<RowOutcome> created = apply(
                AccountFixtures.SALES,
                "code",
                true,
                List.of(
                        row(2, "code", "A-" + tag + "-1", "legalName", "Referida " + tag),
                        row(3, "code", "A-" + tag + "-2", "legalName", "Invitada " + tag, "contactName", "Invitado"),
                        row(4, "code", "A-" + tag + "-3", "legalName", "Suelta " + tag)));
        UUID merged = created.get(0).entityId();
        UUID invited = created.get(1).entityId();
        UUID loose = created.get(2).entityId();
        // An account merged into the first since: the module's own reference check counts it.
        UUID duplicate = LoggedIn.asUser(
                userDetailsService,
                AccountFixtures.SALES,
                () -> accounts.create(AccountFixtures.company("Dup " + tag)));
        as(
                AccountFixtures.SALES,
                () -> jdbc.sql("UPDATE account SET merged_into = ?, archived = true WHERE id = ?")
                        .params(merged, duplicate)
                        .update());
        // A portal invitation for the second one's contact: a foreign key no reference check counts,
        // which the delete itself finds.
        as(AccountFixtures.SALES, () -> jdbc.sql("""
                        INSERT INTO portal_invitation (id, contact_id, party_id, actor_type, email, token_hash, expires_at)
                        SELECT gen_random_uuid(), c.id, c.account_id, 'client', 'invitado@example.com',
                               sha256(convert_to(c.id::text, 'UTF8')), now() + interval '1 day'
                          FROM contact c WHERE c.account_id = ?
                        """).params(invited).update());

        assertThat(undo(AccountFixtures.SALES, created, false))
                .containsExactly(
                        new UndoOutcome(merged, UndoOutcome.Result.ARCHIVED),
                        new UndoOutcome(invited, UndoOutcome.Result.ARCHIVED),
                        new UndoOutcome(loose, UndoOutcome.Result.DELETED));
        for (UUID kept : List.of(merged, invited)) {
            Map<String, Object> archived = stored(AccountFixtures.SALES, kept);
            assertThat(archived.get("archived")).isEqualTo(true);
            assertThat(archived.get("version")).isEqualTo(1L);
        }
        assertThat(stored(AccountFixtures.SALES, invited).get("contacts")).isEqualTo(1L);
        assertThat(stored(AccountFixtures.SALES, loose)).isNull();
    }

    @Test
    void another_tenants_accounts_with_the_same_codes_and_tax_ids_are_never_matched_or_touched() {
        String taxId = cif();
        List<ImportRow> rows = List.of(row(2, "code", "T-" + tag, "legalName", "Tenant B " + tag, "taxId", taxId));
        List<RowOutcome> inB = apply(B_ADMIN, "code", true, rows);
        assertThat(inB).extracting(RowOutcome::action).containsExactly(RowAction.CREATED);
        UUID accountOfB = inB.get(0).entityId();

        List<RowOutcome> inAByCode = apply(
                AccountFixtures.SALES,
                "code",
                true,
                List.of(row(2, "code", "T-" + tag, "legalName", "Tenant A " + tag, "taxId", taxId)));
        List<RowOutcome> inAByTaxId = apply(
                AccountFixtures.SALES,
                "taxId",
                false,
                List.of(row(2, "taxId", taxId, "legalName", "Otra de A " + tag)));

        assertThat(inAByCode).extracting(RowOutcome::action).containsExactly(RowAction.CREATED);
        assertThat(inAByCode.get(0).entityId()).isNotEqualTo(accountOfB);
        assertThat(inAByTaxId.get(0).entityId())
                .as("matches A's own account only")
                .isEqualTo(inAByCode.get(0).entityId());
        Map<String, Object> ofB = stored(B_ADMIN, accountOfB);
        assertThat(ofB.get("legal_name")).isEqualTo("Tenant B " + tag);
        assertThat(ofB.get("version")).isEqualTo(0L);
        assertThat(undo(AccountFixtures.SALES, inB, true))
                .as("undoing B's changes from A: not visible, so gone")
                .containsExactly(new UndoOutcome(accountOfB, UndoOutcome.Result.GONE));
        assertThat(stored(B_ADMIN, accountOfB)).isNotNull();
    }

    @Test
    void a_batch_of_five_thousand_rows_is_applied_in_a_few_statements() {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(row(
                    i + 2,
                    "code",
                    "P-" + tag + "-" + i,
                    "legalName",
                    "Volumen " + tag + " " + i,
                    "taxId",
                    cif(),
                    "email",
                    "v" + i + "@volumen.example",
                    "tags",
                    List.of("volumen"),
                    "city",
                    "Teruel",
                    "contactName",
                    "Contacto " + i));
        }
        long start = System.nanoTime();
        List<RowOutcome> dry = apply(AccountFixtures.SALES, "code", false, rows);
        long dryMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<RowOutcome> created = apply(AccountFixtures.SALES, "code", true, rows);
        long createMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<RowOutcome> again = apply(AccountFixtures.SALES, "taxId", true, rows);
        long matchMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<UndoOutcome> undone = undo(AccountFixtures.SALES, created, false);
        long undoMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "AccountImportTarget: 5,000 rows classified (dry run) in %d ms, created in %d ms, matched by tax id"
                        + " (unchanged) in %d ms, undone in %d ms%n",
                dryMillis, createMillis, matchMillis, undoMillis);

        assertThat(dry).extracting(RowOutcome::action).containsOnly(RowAction.CREATED);
        assertThat(created).extracting(RowOutcome::action).containsOnly(RowAction.CREATED);
        assertThat(again).extracting(RowOutcome::action).containsOnly(RowAction.UNCHANGED);
        assertThat(undone).extracting(UndoOutcome::result).containsOnly(UndoOutcome.Result.DELETED);
    }
}

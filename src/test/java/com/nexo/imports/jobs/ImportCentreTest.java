package com.nexo.imports.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.imports.file.DateOrder;
import com.nexo.imports.file.DecimalStyle;
import com.nexo.imports.file.ImportSettings;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import centre end to end as the application role: upload, mapping, dry run, run, a second run of
 * the same file, refused rows with their lines, the refusals file, undo, and another tenant's view.
 */
@NexoSpringTest
class ImportCentreTest {

    static final String ADMIN = "admin@demo.nexo";
    static final String OTHER_TENANT_ADMIN = "admin@northwind.nexo";
    static final String READ_ONLY = "consulta@demo.nexo";
    static final UUID OTHER_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");

    @Autowired
    ImportCentre centre;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    static String tag() {
        return "T"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                        .toUpperCase(Locale.ROOT);
    }

    /** A Spanish spreadsheet's export: semicolons, Windows-1252, a forged tenant column, refusable rows. */
    static byte[] accountsFile(String tag, int rows) {
        StringBuilder csv = new StringBuilder("Código;Razón social;NIF;Correo electrónico;Población;tenant_id\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(tag)
                    .append('-')
                    .append(i)
                    .append(";Peña y Compañía ")
                    .append(tag)
                    .append(' ')
                    .append(i)
                    .append(" S.L.;;contacto")
                    .append(i)
                    .append("@")
                    .append(tag.toLowerCase(Locale.ROOT))
                    .append(".example;Cáceres;")
                    .append(OTHER_TENANT)
                    .append("\r\n");
        }
        // Line rows+2: no legal name (required). Line rows+3: the first row's code again.
        csv.append(tag).append("-X;;;;;\r\n");
        csv.append(tag).append("-1;Repetida ").append(tag).append(";;;;\r\n");
        return csv.toString().getBytes(Charset.forName("windows-1252"));
    }

    ImportSummary await(UUID id, String email) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            ImportSummary summary = as(email, () -> centre.find(id).orElseThrow());
            if (!summary.running()) {
                return summary;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not end");
    }

    long accountsWithCodePrefix(String email, String tag) {
        return as(
                email,
                () -> transactions.execute(status -> jdbc.sql("SELECT count(*) FROM account WHERE code LIKE :prefix")
                        .param("prefix", tag + "-%")
                        .query(Long.class)
                        .single()));
    }

    @Test
    void a_file_is_mapped_checked_run_run_again_and_undone() throws Exception {
        String tag = tag();
        byte[] file = accountsFile(tag, 40);

        ImportDraft draft = as(ADMIN, () -> upload("clientes.csv", file));
        assertThat(draft.settings().separator()).isEqualTo(';');
        assertThat(draft.settings().charset().name()).isEqualTo("windows-1252");
        assertThat(draft.headers())
                .containsExactly("Código", "Razón social", "NIF", "Correo electrónico", "Población", "tenant_id");

        ImportMapping proposed = as(ADMIN, () -> centre.propose(draft.importId(), "accounts", draft.settings()));
        assertThat(proposed.fieldPerColumn()).startsWith("code", "legalName", "taxId", "email", "city");
        assertThat(proposed.field(5)).isEmpty();
        ImportRequest request = new ImportRequest("accounts", draft.settings(), proposed, "code");

        List<PreviewRow> preview = as(ADMIN, () -> centre.preview(draft.importId(), request, 50));
        assertThat(preview).hasSize(42);
        assertThat(preview.get(0).values()).containsEntry("legalName", "Peña y Compañía " + tag + " 1 S.L.");
        assertThat(preview.get(40).line()).isEqualTo(42);
        assertThat(preview.get(40).problems())
                .extracting(p -> p.messageKey())
                .containsExactly("imports.refusal.required");

        // Dry run: counts, nothing written.
        as(ADMIN, () -> {
            centre.startDryRun(draft.importId(), request);
            return null;
        });
        ImportSummary checked = await(draft.importId(), ADMIN);
        assertThat(checked.state()).isEqualTo(ImportState.CHECKED);
        assertThat(checked.dryRun()).contains(new ImportCounts(40, 0, 0, 2));
        assertThat(accountsWithCodePrefix(ADMIN, tag)).isZero();

        // The run gives the counts the dry run promised.
        as(ADMIN, () -> {
            centre.start(draft.importId(), request);
            return null;
        });
        ImportSummary done = await(draft.importId(), ADMIN);
        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(40, 0, 0, 2));
        assertThat(done.totalRows()).isEqualTo(42);
        assertThat(done.rowsDone()).isEqualTo(42);
        assertThat(accountsWithCodePrefix(ADMIN, tag)).isEqualTo(40);
        // The forged tenant column went nowhere: the other tenant has none of them.
        assertThat(accountsWithCodePrefix(OTHER_TENANT_ADMIN, tag)).isZero();

        List<RefusedRow> refused = as(ADMIN, () -> centre.refusals(draft.importId(), 0, 10));
        assertThat(refused).extracting(RefusedRow::line).containsExactly(42L, 43L);
        assertThat(refused.get(0).column()).isEqualTo("Razón social");
        assertThat(refused.get(1).refusal().messageKey()).isEqualTo("imports.refusal.duplicate-key");
        assertThat(refused.get(1).refusal().args()).containsExactly("2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(ADMIN, () -> {
            try {
                centre.writeRefusals(draft.importId(), Locale.forLanguageTag("es"), out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        String refusals = out.toString(StandardCharsets.UTF_8);
        assertThat(refusals).contains("42", "43", "Razón social", tag + "-X", "Repetida " + tag);

        // The same file again: every row unchanged.
        ImportDraft again = as(ADMIN, () -> upload("clientes.csv", file));
        ImportRequest againRequest = new ImportRequest("accounts", again.settings(), proposed, "code");
        as(ADMIN, () -> {
            centre.start(again.importId(), againRequest);
            return null;
        });
        ImportSummary second = await(again.importId(), ADMIN);
        assertThat(second.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(second.counts()).isEqualTo(new ImportCounts(0, 0, 40, 2));

        // The other tenant sees neither import; a read-only user may look but not run or undo.
        assertThat(as(OTHER_TENANT_ADMIN, () -> centre.find(draft.importId()))).isEmpty();
        assertThat(as(OTHER_TENANT_ADMIN, () -> centre.history(0, 100)))
                .extracting(ImportSummary::id)
                .doesNotContain(draft.importId(), again.importId());
        assertThat(as(READ_ONLY, () -> centre.history(0, 100)))
                .extracting(ImportSummary::id)
                .contains(draft.importId());
        assertThatThrownBy(() -> as(READ_ONLY, () -> upload("x.csv", file))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(READ_ONLY, () -> {
                    centre.undo(draft.importId(), false);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);

        // Undo: the 40 accounts it created go.
        UndoPreview undoPreview = as(ADMIN, () -> centre.previewUndo(draft.importId()));
        assertThat(undoPreview.delete()).isEqualTo(40);
        assertThat(undoPreview.changedLater()).isEmpty();
        as(ADMIN, () -> {
            centre.undo(draft.importId(), false);
            return null;
        });
        ImportSummary undone = await(draft.importId(), ADMIN);
        assertThat(undone.state()).isEqualTo(ImportState.UNDONE);
        assertThat(accountsWithCodePrefix(ADMIN, tag)).isZero();
    }

    @Test
    void a_file_with_english_writing_updates_what_it_matches_and_undo_gives_the_old_values_back() {
        String tag = tag();
        String first = "Code,Company name,City,Credit limit\n" + tag + "-1,First " + tag + ",Madrid,\"1,500.50\"\n"
                + tag + "-2,Second " + tag + ",Sevilla,200\n";
        ImportDraft draft = as(ADMIN, () -> upload("accounts.csv", first.getBytes(StandardCharsets.UTF_8)));
        assertThat(draft.settings().separator()).isEqualTo(',');
        ImportRequest request = new ImportRequest(
                "accounts",
                new ImportSettings(StandardCharsets.UTF_8, ',', DecimalStyle.POINT, DateOrder.DAY_MONTH_YEAR),
                as(ADMIN, () -> centre.propose(draft.importId(), "accounts", draft.settings())),
                "code");
        assertThat(request.mapping().fieldPerColumn()).containsExactly("code", "legalName", "city", "creditLimit");
        as(ADMIN, () -> {
            centre.start(draft.importId(), request);
            return null;
        });
        assertThat(await(draft.importId(), ADMIN).counts()).isEqualTo(new ImportCounts(2, 0, 0, 0));

        String second = "Code,Company name,City,Credit limit\n" + tag + "-1,First " + tag
                + " renamed,Madrid,\"1,500.50\"\n" + tag + "-2,Second " + tag + ",Sevilla,200\n";
        ImportDraft update = as(ADMIN, () -> upload("accounts.csv", second.getBytes(StandardCharsets.UTF_8)));
        ImportRequest updateRequest = new ImportRequest("accounts", request.settings(), request.mapping(), "code");
        as(ADMIN, () -> {
            centre.start(update.importId(), updateRequest);
            return null;
        });
        assertThat(await(update.importId(), ADMIN).counts()).isEqualTo(new ImportCounts(0, 1, 1, 0));
        assertThat(legalName(tag + "-1")).isEqualTo("First " + tag + " renamed");

        as(ADMIN, () -> {
            centre.undo(update.importId(), false);
            return null;
        });
        assertThat(await(update.importId(), ADMIN).state()).isEqualTo(ImportState.UNDONE);
        assertThat(legalName(tag + "-1")).isEqualTo("First " + tag);
    }

    @Test
    void the_staging_and_the_job_repository_of_one_tenant_are_out_of_another_tenants_sight() {
        String tag = tag();
        ImportDraft draft = as(ADMIN, () -> upload("clientes.csv", accountsFile(tag, 3)));
        ImportRequest request = new ImportRequest(
                "accounts",
                draft.settings(),
                as(ADMIN, () -> centre.propose(draft.importId(), "accounts", draft.settings())),
                "code");
        as(ADMIN, () -> {
            centre.start(draft.importId(), request);
            return null;
        });
        await(draft.importId(), ADMIN);
        List<String> tables = List.of(
                "import_run",
                "import_line",
                "import_change",
                "import_mapping",
                "batch_job_instance",
                "batch_job_execution",
                "batch_job_execution_params",
                "batch_step_execution",
                "batch_step_execution_context",
                "batch_job_execution_context");
        for (String table : tables) {
            long mine = count(ADMIN, table);
            long theirs = count(OTHER_TENANT_ADMIN, table);
            if (!table.equals("import_mapping")) {
                assertThat(mine).as(table + " of the importing tenant").isPositive();
            }
            assertThat(count(OTHER_TENANT_ADMIN, table + " WHERE tenant_id <> '" + OTHER_TENANT + "'"))
                    .as(table + " seen from the other tenant")
                    .isZero();
            assertThat(theirs).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void imports_of_two_tenants_run_at_the_same_time_each_into_its_own_tenant() {
        int rows = 6_000;
        String ours = tag();
        String theirs = tag();
        ImportDraft mine = as(ADMIN, () -> upload("clientes.csv", accountsFile(ours, rows)));
        ImportDraft other = as(OTHER_TENANT_ADMIN, () -> upload("customers.csv", accountsFile(theirs, rows)));
        as(ADMIN, () -> {
            centre.start(mine.importId(), requestFor(mine));
            return null;
        });
        as(OTHER_TENANT_ADMIN, () -> {
            centre.start(other.importId(), requestFor(other));
            return null;
        });

        ImportSummary a = await(mine.importId(), ADMIN);
        ImportSummary b = await(other.importId(), OTHER_TENANT_ADMIN);
        assertThat(List.of(a.state(), b.state())).containsOnly(ImportState.COMPLETED);
        assertThat(a.counts()).isEqualTo(new ImportCounts(rows, 0, 0, 2));
        assertThat(b.counts()).isEqualTo(new ImportCounts(rows, 0, 0, 2));
        assertThat(a.startedAt())
                .as("the two jobs ran at the same time (each started before the other ended)")
                .isBefore(b.finishedAt());
        assertThat(b.startedAt()).isBefore(a.finishedAt());
        assertThat(accountsWithCodePrefix(ADMIN, ours)).isEqualTo(rows);
        assertThat(accountsWithCodePrefix(OTHER_TENANT_ADMIN, theirs)).isEqualTo(rows);
        assertThat(accountsWithCodePrefix(ADMIN, theirs)).isZero();
        assertThat(accountsWithCodePrefix(OTHER_TENANT_ADMIN, ours)).isZero();
    }

    /** The proposed mapping of an accounts file, matched by code, as its uploader sees it. */
    ImportRequest requestFor(ImportDraft draft) {
        return new ImportRequest(
                "accounts", draft.settings(), centre.propose(draft.importId(), "accounts", draft.settings()), "code");
    }

    long count(String email, String from) {
        return as(
                email,
                () -> transactions.execute(status -> jdbc.sql("SELECT count(*) FROM " + from)
                        .query(Long.class)
                        .single()));
    }

    String legalName(String code) {
        return as(
                ADMIN,
                () -> transactions.execute(status -> jdbc.sql("SELECT legal_name FROM account WHERE code = :code")
                        .param("code", code)
                        .query(String.class)
                        .single()));
    }

    ImportDraft upload(String name, byte[] bytes) {
        try {
            return centre.upload(name, new ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\r?\n")));
    }
}

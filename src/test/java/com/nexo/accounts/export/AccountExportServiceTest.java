package com.nexo.accounts.export;

import static com.nexo.accounts.AccountFixtures.SALES;
import static com.nexo.accounts.AccountFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.accounts.search.AccountSort;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The CSV export on the real database, as a real user of the demo tenant. */
@NexoSpringTest
class AccountExportServiceTest {

    @Autowired
    private AccountService accounts;

    @Autowired
    private AccountExportService exports;

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
                        new AccountQuery(new AccountFilter(Set.of(), tagName, null, null, null), AccountSort.byName()),
                        Locale.of("es"),
                        ZoneOffset.UTC,
                        out));

        assertThat(written).isEqualTo(2);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        // Spanish: cells separated by semicolons (a Spanish spreadsheet reads the comma as decimals).
        assertThat(lines.get(0)).startsWith("\uFEFFCódigo;Tipo;Roles;Razón social");
        assertThat(lines.get(1))
                .contains("\"Exportada \"\"Dos\"\" " + tag + "\"")
                .contains("Organización;Cliente");
        assertThat(lines.get(2)).contains("Exportada Uno, S.L. " + tag).endsWith("Activa");
    }
}

package com.nexo.accounts.export;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountSearch;
import com.nexo.accounts.search.AccountSort;
import com.nexo.security.UserDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account list as a CSV file, streamed. Needs {@link AccountPermissions#EXPORT}. */
@Service
public class AccountExportService {

    private static final String HAS_EXPORT = "hasRole('" + AccountPermissions.EXPORT + "')";
    private static final int FETCH_SIZE = 500;

    private final AccountSearch search;
    private final UserDirectory users;
    private final NamedParameterJdbcTemplate streaming;

    AccountExportService(AccountSearch search, UserDirectory users, DataSource dataSource) {
        this.search = search;
        this.users = users;
        JdbcTemplate exportJdbc = new JdbcTemplate(dataSource);
        exportJdbc.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(exportJdbc);
    }

    /**
     * Writes the filtered list as CSV (UTF-8, comma-separated, a header in {@code locale}) to
     * {@code out}, row by row as the database sends them: memory does not grow with the list. The
     * stream is flushed, not closed. Returns the number of accounts written.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_EXPORT)
    public long exportCsv(AccountFilter filter, AccountSort sort, Locale locale, OutputStream out) {
        AccountFilter effective = AccountFilter.orDefault(filter);
        AccountSort requested = AccountSort.orDefault(sort);
        AccountSort order = requested.column() == AccountSort.Column.RELEVANCE ? AccountSort.byName() : requested;
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        long[] written = {0};
        try {
            writer.write('\uFEFF');
            writer.write(AccountCsv.header(bundle(locale)));
            // Owners' names are looked up for a chunk of rows at a time: one query per chunk, and
            // memory that does not grow with the list.
            List<AccountCsv.Row> chunk = new ArrayList<>(FETCH_SIZE);
            search.forEach(effective, order, streaming, row -> {
                chunk.add(AccountCsv.row(row));
                if (chunk.size() == FETCH_SIZE) {
                    written[0] += writeLines(chunk, writer);
                }
            });
            written[0] += writeLines(chunk, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    /** Writes the chunk's lines, flushes and empties the chunk; returns how many it wrote. */
    private int writeLines(List<AccountCsv.Row> chunk, Writer writer) {
        Map<UUID, String> owners =
                users.namesOf(chunk.stream().map(AccountCsv.Row::ownerId).toList());
        try {
            for (AccountCsv.Row row : chunk) {
                writer.write(AccountCsv.line(row, owners.get(row.ownerId())));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = chunk.size();
        chunk.clear();
        return count;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "vaadin-i18n.translations",
                locale == null || !"es".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.of("es"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

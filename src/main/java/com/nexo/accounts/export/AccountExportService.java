package com.nexo.accounts.export;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.accounts.search.AccountRows;
import com.nexo.accounts.search.AccountSearch;
import com.nexo.base.csv.CsvWriter;
import com.nexo.base.paging.Streaming;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account list as a CSV file ({@link CsvWriter}: the reader's separators, translated headers),
 * streamed row by row. Needs {@link AccountPermissions#EXPORT}.
 */
@Service
public class AccountExportService {

    /** Columns in order; each header is its field's label. */
    static final List<AccountField> COLUMNS = List.of(
            AccountField.CODE,
            AccountField.KIND,
            AccountField.ROLES,
            AccountField.LEGAL_NAME,
            AccountField.TRADE_NAME,
            AccountField.TAX_ID,
            AccountField.COUNTRY,
            AccountField.EMAILS,
            AccountField.PHONES,
            AccountField.WEBSITE,
            AccountField.PAYMENT_TERMS,
            AccountField.CREDIT_LIMIT,
            AccountField.CURRENCY,
            AccountField.LANGUAGE,
            AccountField.TAGS,
            AccountField.OWNER,
            AccountField.ARCHIVED);

    /** Owners' names are looked up for this many rows at a time: one query per chunk. */
    private static final int CHUNK = Streaming.FETCH_SIZE;

    private final AccountSearch search;
    private final UserDirectory users;
    private final JdbcClient streaming;

    AccountExportService(AccountSearch search, UserDirectory users, DataSource dataSource) {
        this.search = search;
        this.users = users;
        this.streaming = Streaming.client(dataSource);
    }

    /** One account as read, before its owner's name is known. */
    private record Line(
            String code,
            AccountKind kind,
            List<String> roles,
            String legalName,
            String tradeName,
            String taxId,
            String country,
            List<String> emails,
            List<String> phones,
            String website,
            String paymentTerms,
            BigDecimal creditLimit,
            String currency,
            String language,
            List<String> tags,
            UUID ownerId,
            boolean archived) {}

    /**
     * Writes the list of {@code query} as CSV for a reader of {@code locale} (headers in their language,
     * their spreadsheet's separators) to {@code out}, row by row as the database sends them: memory
     * does not grow with the list. The stream is flushed, not closed. Returns the number of accounts.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(AccountPermissions.EXPORT)
    public long exportCsv(AccountQuery query, Locale locale, ZoneId zone, OutputStream out) {
        ResourceBundle bundle = bundle(locale);
        long[] written = {0};
        try {
            CsvWriter csv = CsvWriter.open(out, bundle.getLocale(), zone);
            csv.header(COLUMNS.stream()
                    .map(column -> bundle.getString(column.labelKey()))
                    .toList());
            List<Line> chunk = new ArrayList<>(CHUNK);
            search.forEach(query == null ? AccountQuery.active() : query, streaming, row -> {
                chunk.add(new Line(
                        row.getString("code"),
                        AccountKind.valueOf(row.getString("kind")),
                        AccountRows.strings(row.getArray("roles")),
                        row.getString("legal_name"),
                        row.getString("trade_name"),
                        row.getString("tax_id"),
                        row.getString("country"),
                        AccountRows.strings(row.getArray("emails")),
                        AccountRows.strings(row.getArray("phones")),
                        row.getString("website"),
                        row.getString("payment_terms"),
                        row.getBigDecimal("credit_limit"),
                        row.getString("currency"),
                        row.getString("language"),
                        AccountRows.strings(row.getArray("tags")),
                        row.getObject("owner_id", UUID.class),
                        row.getBoolean("archived")));
                if (chunk.size() == CHUNK) {
                    written[0] += write(chunk, csv, bundle);
                }
            });
            written[0] += write(chunk, csv, bundle);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    /** Writes the chunk's lines with their owners' names, flushes and empties it; returns how many. */
    private int write(List<Line> chunk, CsvWriter csv, ResourceBundle bundle) {
        Map<UUID, String> owners =
                users.namesOf(chunk.stream().map(Line::ownerId).toList());
        try {
            for (Line line : chunk) {
                csv.text(line.code())
                        .text(bundle.getString(
                                "accounts.kind." + line.kind().name().toLowerCase(Locale.ROOT)))
                        .texts(
                                line.roles().stream()
                                        .map(role -> bundle.getString("accounts.role." + role.toLowerCase(Locale.ROOT)))
                                        .toList(),
                                ", ")
                        .text(line.legalName())
                        .text(line.tradeName())
                        .text(line.taxId())
                        .text(line.country())
                        .texts(line.emails(), " ")
                        .texts(line.phones(), " / ")
                        .text(line.website())
                        .text(line.paymentTerms())
                        .number(line.creditLimit())
                        .text(line.currency())
                        .text(line.language())
                        .texts(line.tags(), ", ")
                        .text(owners.get(line.ownerId()))
                        .flag(
                                line.archived(),
                                bundle.getString("accounts.status.archived"),
                                bundle.getString("accounts.status.active"))
                        .endRow();
            }
            csv.flush();
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

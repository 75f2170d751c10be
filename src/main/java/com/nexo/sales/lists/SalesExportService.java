package com.nexo.sales.lists;

import com.nexo.base.csv.CsvWriter;
import com.nexo.base.paging.Streaming;
import com.nexo.sales.SalesPermissions;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sales list as a CSV file ({@link CsvWriter}: the reader's separators, translated headers and
 * states), streamed row by row. Needs {@link SalesPermissions#EXPORT}.
 */
@Service
public class SalesExportService {

    /** The bundle key of the currency column's header: the grid has no such column (money shows its symbol). */
    static final String currencyKey = "sales.list.column.currency";

    /** The bundle keys of the columns' headers, in order. */
    static final List<String> HEADERS = List.of(
            "sales.list.column.kind",
            "sales.list.column.number",
            "sales.list.column.date",
            "sales.list.column.client",
            "sales.list.column.salesperson",
            "sales.list.column.status",
            "sales.list.column.total",
            currencyKey,
            "sales.list.column.open");

    /** Salespeople's names are looked up for this many rows at a time: one query per chunk. */
    private static final int CHUNK = Streaming.FETCH_SIZE;

    private final UserDirectory users;
    private final JdbcClient streaming;
    private final Clock clock;

    SalesExportService(UserDirectory users, DataSource dataSource, Clock clock) {
        this.users = users;
        this.streaming = Streaming.client(dataSource);
        this.clock = clock;
    }

    /**
     * Writes the documents of {@code query} as CSV for a reader of {@code locale} to {@code out}, row
     * by row as the database sends them; the stream is flushed, not closed. Returns how many rows.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(SalesPermissions.EXPORT)
    public long exportCsv(SalesQuery query, Locale locale, ZoneId zone, OutputStream out) {
        ResourceBundle bundle = CsvWriter.translations(locale);
        long[] written = {0};
        try {
            CsvWriter csv = CsvWriter.open(out, bundle.getLocale(), zone);
            csv.header(HEADERS.stream().map(bundle::getString).toList());
            List<SalesRow> chunk = new ArrayList<>(CHUNK);
            SalesListQueries.of(query.filter(), LocalDate.now(clock))
                    .forEach(streaming, SalesListQueries.order(query.sort()), row -> {
                        chunk.add(SalesListQueries.ROW.mapRow(row, 0));
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

    private int write(List<SalesRow> chunk, CsvWriter csv, ResourceBundle bundle) {
        List<UUID> ids = chunk.stream()
                .map(SalesRow::salespersonId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> names = ids.isEmpty() ? Map.of() : users.namesOf(ids);
        try {
            for (SalesRow row : chunk) {
                String status = row.expired()
                        ? bundle.getString("sales.status.expired")
                        : bundle.getString(row.status().key());
                csv.text(bundle.getString(row.kind().key()))
                        .text(row.number())
                        .date(row.date())
                        .text(row.clientName())
                        .text(row.salespersonId() == null ? null : names.get(row.salespersonId()))
                        .text(status)
                        .number(row.total())
                        .text(row.currency())
                        .number(row.openAmount())
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
}

package com.nexo.purchasing.lists;

import com.nexo.base.csv.CsvWriter;
import com.nexo.base.paging.Streaming;
import com.nexo.purchasing.PurchasingPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purchasing list as a CSV file ({@link CsvWriter}: the reader's separators, translated headers and
 * states), streamed row by row. Needs {@link PurchasingPermissions#EXPORT}.
 */
@Service
public class PurchaseExportService {

    /** The bundle keys of the columns' headers, in order. */
    public static final List<String> HEADERS = List.of(
            "purchasing.list.column.kind",
            "purchasing.list.column.number",
            "purchasing.list.column.date",
            "purchasing.list.column.supplier",
            "purchasing.list.column.supplier-reference",
            "purchasing.list.column.status",
            "purchasing.list.column.expected",
            "purchasing.list.column.total",
            "purchasing.list.column.currency",
            "purchasing.list.column.received");

    private final JdbcClient streaming;

    PurchaseExportService(DataSource dataSource) {
        this.streaming = Streaming.client(dataSource);
    }

    /**
     * Writes the documents of {@code query} as CSV for a reader of {@code locale} to {@code out}, row
     * by row as the database sends them; the stream is flushed, not closed. Returns how many rows.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.EXPORT)
    public long exportCsv(PurchaseQuery query, Locale locale, ZoneId zone, OutputStream out) {
        ResourceBundle bundle = CsvWriter.translations(locale);
        long[] written = {0};
        try {
            CsvWriter csv = CsvWriter.open(out, bundle.getLocale(), zone);
            csv.header(HEADERS.stream().map(bundle::getString).toList());
            // Every match is read: the search function first (its rows need no sizing).
            PurchaseListQueries.of(PurchaseListQueries.COLUMNS, query.filter(), false)
                    .forEach(streaming, PurchaseListQueries.order(query.filter().kind(), query.sort()), result -> {
                        PurchaseRow row = PurchaseListQueries.ROW.mapRow(result, 0);
                        try {
                            csv.text(bundle.getString(PurchaseListTexts.kindKey(row.kind())))
                                    .text(row.number())
                                    .date(row.date())
                                    .text(row.supplierName())
                                    .text(row.supplierReference())
                                    .text(bundle.getString(PurchaseListTexts.statusKey(row.status())))
                                    .date(row.expectedDate())
                                    .number(row.total())
                                    .text(row.currency())
                                    .number(row.receivedPercent())
                                    .endRow();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        written[0]++;
                    });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }
}

package com.nexo.articles.catalogue;

import com.nexo.articles.ArticlePermissions;
import com.nexo.base.csv.CsvWriter;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of the catalogue that scale: keyset pages in a whitelisted order (or the search's order
 * with text), counts exact up to 1,000 and estimated above, and the CSV export.
 */
@Service
public class ArticleListService {

    private final ArticleSearch search;

    ArticleListService(ArticleSearch search) {
        this.search = search;
    }

    /**
     * One page of the articles matching {@code query}: pass {@code null} for the first page, then
     * the previous page's {@link Page#next()}. Cost does not grow with depth.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public Page<ArticleRow> page(ArticleQuery query, Sort<ArticleOrder> sort, PageCursor after, int limit) {
        return search.page(query, sort, after, limit);
    }

    /** How many articles match: exact up to 1,000 (all matches of a text), estimated above. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public CountEstimate count(ArticleQuery query) {
        return search.count(query);
    }

    /**
     * Writes the articles matching {@code query} in {@code sort} as CSV for a reader of
     * {@code locale}: {@code headers} are the translated titles of {@link ArticleCsvColumn}s by
     * column, {@code words} the translated values of kinds, yes/no and statuses by their key. Rows
     * stream from the database straight to {@code out}, which is closed at the end. Returns how
     * many articles were written.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.EXPORT)
    public long exportCsv(
            ArticleQuery query,
            Sort<ArticleOrder> sort,
            Locale locale,
            ZoneId zone,
            Map<ArticleCsvColumn, String> headers,
            Map<String, String> words,
            OutputStream out) {
        long[] written = {0};
        try (CsvWriter csv = CsvWriter.open(out, locale, zone)) {
            List<String> titles = java.util.Arrays.stream(ArticleCsvColumn.values())
                    .map(column -> headers.getOrDefault(column, column.name()))
                    .toList();
            csv.header(titles);
            search.forEach(query, sort, row -> {
                try {
                    csv.text(row.code())
                            .text(words.getOrDefault(
                                    kindKey(row.kind()), row.kind().dbValue()))
                            .text(row.nameEs())
                            .text(row.nameEn())
                            .text(row.categoryCode())
                            .text(row.unitCode())
                            .text(row.barcode())
                            .number(row.salePrice())
                            .number(row.cost())
                            .number(row.taxRate())
                            .flag(row.stockTracked(), words.get(YES), words.get(NO))
                            .text(words.get(row.archived() ? ARCHIVED : ACTIVE))
                            .endRow();
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    /** Keys of the words an export needs translated, besides the kinds ({@link #kindKey}). */
    public static final String YES = "articles.detail.yes";

    public static final String NO = "articles.detail.no";
    public static final String ACTIVE = "articles.status.active";
    public static final String ARCHIVED = "articles.status.archived";

    /** The translation key of a kind's name. */
    public static String kindKey(ArticleKind kind) {
        return "articles.kind." + kind.dbValue();
    }
}

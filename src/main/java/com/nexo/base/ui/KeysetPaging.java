package com.nexo.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Lets a lazy grid, which asks for rows by offset, read a service that pages by key ("the 50 rows
 * after this one"): keyset pages cost the same on page 1 and page 20,000, where an SQL OFFSET reads
 * and throws away every row before the page. The cursors of the pages already read are remembered,
 * so scrolling on asks for the next page only; they are forgotten when the query (filter and sort)
 * changes.
 *
 * @param <T> a row
 * @param <C> the service's cursor (where the next page starts)
 */
public final class KeysetPaging<T, C> {

    /** What the service returned: the rows, and the cursor after the last of them (null at the end). */
    public record Page<T, C>(List<T> rows, C next) {}

    /** Reads up to {@code limit} rows after {@code cursor} (null: from the start). */
    @FunctionalInterface
    public interface Reader<T, C> {
        Page<T, C> read(C cursor, int limit);
    }

    /** Offset of a page start → the cursor to read it (offset 0 has none). */
    private final NavigableMap<Integer, C> starts = new TreeMap<>();

    private Object query;

    /**
     * Rows {@code offset} to {@code offset + limit} of {@code query}; {@code query} is any value that
     * identifies the filter and sort (a record), compared with {@code equals}.
     */
    public List<T> rows(Object query, int offset, int limit, Reader<T, C> reader) {
        if (!Objects.equals(query, this.query)) {
            starts.clear();
            this.query = query;
        }
        Map.Entry<Integer, C> from = starts.floorEntry(offset);
        int position = from == null ? 0 : from.getKey();
        C cursor = from == null ? null : from.getValue();
        List<T> rows = new ArrayList<>();
        while (position < offset + limit) {
            // A jump past what was read walks there page by page (only the cursors are kept).
            int wanted = position < offset ? offset - position : offset + limit - position;
            Page<T, C> page = reader.read(cursor, wanted);
            if (position >= offset) {
                rows.addAll(page.rows());
            }
            position += page.rows().size();
            if (page.next() == null || page.rows().isEmpty()) {
                break;
            }
            cursor = page.next();
            starts.put(position, cursor);
        }
        return rows;
    }

    /** Forgets every cursor, for when the rows changed (a save) rather than the query. */
    public void reset() {
        starts.clear();
        query = null;
    }
}

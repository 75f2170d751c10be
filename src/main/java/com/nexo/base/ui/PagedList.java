package com.nexo.base.ui;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.function.Function;

/**
 * The one way a list view feeds its lazy grid: from a service that reads pages by key
 * ({@code page(query, after, limit)}, see {@code base.paging.ListQuery}). The grid gets no size (no
 * count per scroll) and asks for the next page as the user scrolls; the cursors of pages already read
 * are kept ({@link KeysetPaging}) and dropped when the query (filter and sort) changes.
 *
 * <pre>{@code
 * PagedList<AccountRow, AccountQuery> list = PagedList.bind(grid,
 *         orders -> new AccountQuery(currentFilter(), PagedList.sort(orders, AccountSort.class, AccountSort.NAME)),
 *         (query, after, limit) -> accounts.page(query, after, limit));
 * ...
 * list.refresh(); // a filter field changed, or a row was saved
 * }</pre>
 *
 * @param <T> a row
 * @param <Q> what the list shows (filter and sort): a record, compared with {@code equals}
 */
public final class PagedList<T, Q> {

    /** Reads up to {@code limit} rows of {@code query} after {@code after} (null: the first page). */
    @FunctionalInterface
    public interface Reader<T, Q> {
        Page<T> read(Q query, PageCursor after, int limit);
    }

    private final Grid<T> grid;
    private final KeysetPaging<T, PageCursor> paging = new KeysetPaging<>();

    private PagedList(Grid<T> grid) {
        this.grid = grid;
    }

    /**
     * Feeds {@code grid} from {@code reader}; {@code query} builds the current query from the grid's
     * sort orders (empty when the user has not sorted).
     */
    public static <T, Q> PagedList<T, Q> bind(
            Grid<T> grid, Function<List<QuerySortOrder>, Q> query, Reader<T, Q> reader) {
        PagedList<T, Q> list = new PagedList<>(grid);
        grid.setItems(request -> {
            Q current = query.apply(request.getSortOrders());
            return list
                    .paging
                    .rows(current, request.getOffset(), request.getLimit(), (after, limit) -> {
                        Page<T> page = reader.read(current, after, limit);
                        return new KeysetPaging.Page<>(page.rows(), page.next());
                    })
                    .stream();
        });
        return list;
    }

    /** Reads the list again from the first page (the filter changed, or rows were saved). */
    public void refresh() {
        paging.reset();
        grid.getDataProvider().refreshAll();
    }

    /**
     * The sort the user chose in the grid, as one of the list's whitelisted orders: the first sort
     * order whose property names a constant of {@code orders} (columns set their sort property to a
     * constant's name), else {@code fallback} ascending.
     */
    public static <E extends Enum<E>> Sort<E> sort(List<QuerySortOrder> sortOrders, Class<E> orders, E fallback) {
        for (QuerySortOrder order : sortOrders) {
            for (E constant : orders.getEnumConstants()) {
                if (constant.name().equals(order.getSorted())) {
                    return new Sort<>(constant, order.getDirection() == SortDirection.DESCENDING);
                }
            }
        }
        return Sort.ascending(fallback);
    }

    /** The sort orders the user chose in the grid's headers, as its data provider would receive them. */
    public static List<QuerySortOrder> sortOrders(Grid<?> grid) {
        return grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .toList();
    }

    /**
     * Shows a sort (a saved filter's) in the grid's headers: by the column whose key is the order's
     * name; nothing when the grid has no such column.
     */
    public static <T> void showSort(Grid<T> grid, Sort<?> sort) {
        grid.getColumns().stream()
                .filter(column -> sort.by().name().equals(column.getKey()))
                .findFirst()
                .ifPresent(column -> grid.sort(List.of(new GridSortOrder<>(
                        column, sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING))));
    }
}

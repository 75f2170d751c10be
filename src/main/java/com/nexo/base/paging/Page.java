package com.nexo.base.paging;

import java.util.List;

/** One page of a list and where the next one starts ({@code next} is null on the last page). */
public record Page<T>(List<T> rows, PageCursor next) {

    public Page {
        rows = List.copyOf(rows);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }

    public boolean hasMore() {
        return next != null;
    }
}

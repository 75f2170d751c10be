package com.nexo.base.paging;

import java.io.Serializable;
import java.util.UUID;

/**
 * Where the next page of a list starts. For a keyset order it is the sort value and id of the last
 * row read; for a ranked order (search relevance over a bounded set of matches) it is the position
 * of the next row, with no id. Opaque to views: they pass back what {@link Page#next()} gave them.
 */
public record PageCursor(String sortValue, UUID id) implements Serializable {

    static PageCursor position(int position) {
        return new PageCursor(Integer.toString(position), null);
    }

    int positionOrZero() {
        try {
            return Math.max(0, Integer.parseInt(sortValue));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

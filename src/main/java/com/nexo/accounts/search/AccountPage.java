package com.nexo.accounts.search;

import java.util.List;

/** One page of a keyset-paged account list; {@code next} is null on the last page. */
public record AccountPage(List<AccountRow> rows, PageCursor next) {

    public boolean hasMore() {
        return next != null;
    }
}

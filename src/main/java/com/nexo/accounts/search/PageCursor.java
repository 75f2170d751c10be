package com.nexo.accounts.search;

import java.util.UUID;

/**
 * Where the next page of a keyset-paged list starts: the sort value and id of the last row shown.
 * Opaque to callers: pass back what {@link AccountPage#next()} returned.
 */
public record PageCursor(String sortValue, UUID id) {}

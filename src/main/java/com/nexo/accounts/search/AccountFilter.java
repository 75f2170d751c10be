package com.nexo.accounts.search;

import com.nexo.accounts.account.AccountRole;
import java.util.Set;
import java.util.UUID;

/**
 * What a list of accounts shows: accounts with any of {@code roles} (all when empty), carrying
 * {@code tag}, owned by {@code ownerId}, active, archived or both, and matching the quick-search
 * {@code text} (name, code, tax id, e-mail, phone; accents and small typos tolerated). Null or empty
 * parts do not filter.
 */
public record AccountFilter(Set<AccountRole> roles, String tag, UUID ownerId, Status status, String text) {

    /** Which accounts by their archived flag. Merged accounts are archived. */
    public enum Status {
        ACTIVE,
        ARCHIVED,
        ALL
    }

    public AccountFilter {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        status = status == null ? Status.ACTIVE : status;
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** Active accounts, no other condition. */
    public static AccountFilter active() {
        return new AccountFilter(Set.of(), null, null, Status.ACTIVE, null);
    }

    /** The filter, or the active accounts when there is none. */
    public static AccountFilter orDefault(AccountFilter filter) {
        return filter == null ? active() : filter;
    }

    /** Active accounts matching a quick search. */
    public static AccountFilter search(String text) {
        return new AccountFilter(Set.of(), null, null, Status.ACTIVE, text);
    }

    public AccountFilter withText(String newText) {
        return new AccountFilter(roles, tag, ownerId, status, newText);
    }
}

package com.nexo.accounts;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records of other modules that refer to accounts (portal users, and later quotes, orders,
 * opportunities...). A module that refers to accounts declares a bean of this type, so that a
 * referenced account is archived instead of deleted and a merge moves its references to the
 * surviving account. Both methods run inside the accounts service's transaction.
 */
public interface AccountReferences {

    /** How many of this module's records refer to the account. */
    long count(UUID accountId);

    /**
     * Which of these accounts any of this module's records refer to: the same as {@link #count(UUID)}
     * above zero, for many accounts at once (undoing an import checks thousands). The default asks
     * {@link #count(UUID)} for each; a module whose records do refer to accounts answers in one query.
     */
    default Set<UUID> referred(Collection<UUID> accountIds) {
        return accountIds.stream().filter(id -> count(id) > 0).collect(Collectors.toSet());
    }

    /** Makes every record that refers to {@code from} refer to {@code to} instead. */
    void move(UUID from, UUID to);
}

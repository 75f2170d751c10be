package com.nexo.accounts;

import java.util.UUID;

/**
 * Records of other modules that refer to accounts (portal users, and later quotes, orders,
 * opportunities...). A module that refers to accounts declares a bean of this type, so that a
 * referenced account is archived instead of deleted and a merge moves its references to the
 * surviving account. Both methods run inside the accounts service's transaction.
 */
public interface AccountReferences {

    /** How many of this module's records refer to the account. */
    long count(UUID accountId);

    /** Makes every record that refers to {@code from} refer to {@code to} instead. */
    void move(UUID from, UUID to);
}

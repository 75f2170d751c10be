package com.nexo.accounts.account;

/** What a delete request did: deleted, or archived because other records refer to the account. */
public enum DeleteOutcome {
    DELETED,
    ARCHIVED
}

package com.nexo.accounts;

import java.util.Set;
import java.util.UUID;

/**
 * An existing account or contact that looks like a person or company another module is entering (a
 * CRM lead), and why. For a contact, {@code accountId} is its account and {@code accountName} that
 * account's legal name; for an account, {@code contactId} is null.
 */
public record PartyMatch(
        Kind kind, UUID accountId, UUID contactId, String name, String accountName, Set<Reason> reasons) {

    public PartyMatch {
        reasons = Set.copyOf(reasons);
    }

    public enum Kind {
        ACCOUNT,
        CONTACT
    }

    /** The accounts module's duplicate rules, plus a shared phone number for contacts. */
    public enum Reason {
        SAME_TAX_ID,
        SAME_EMAIL,
        SAME_PHONE,
        SIMILAR_NAME
    }
}

package com.nexo.accounts.account;

import com.nexo.accounts.contacts.ContactRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account for its 360° view: its values, contacts, owner's name, the account it was merged into
 * (if so), how many records elsewhere refer to it, and when it was created and last changed.
 */
public record AccountDetails(
        AccountForm account,
        List<ContactRow> contacts,
        String ownerName,
        UUID mergedInto,
        long references,
        Instant createdAt,
        Instant updatedAt) {}

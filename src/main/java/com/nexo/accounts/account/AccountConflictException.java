package com.nexo.accounts.account;

import java.util.List;
import java.util.UUID;

/**
 * Someone saved the account (or contact) after the user loaded it: nothing was written. Carries
 * what changed between the user's version and the current one, field by field, and who changed it,
 * so the form can tell the user and let them reload.
 */
public class AccountConflictException extends RuntimeException {

    private final UUID id;
    private final long yourVersion;
    private final long currentVersion;
    private final transient List<FieldDifference> changes;
    private final List<String> changedBy;

    public AccountConflictException(
            UUID id, long yourVersion, long currentVersion, List<FieldDifference> changes, List<String> changedBy) {
        super("Record " + id + " changed from version " + yourVersion + " to " + currentVersion);
        this.id = id;
        this.yourVersion = yourVersion;
        this.currentVersion = currentVersion;
        this.changes = List.copyOf(changes);
        this.changedBy = List.copyOf(changedBy);
    }

    /** One changed field: its value in the user's version and its value now (display text). */
    public record FieldDifference(AccountField field, String column, String yourValue, String currentValue) {}

    public UUID id() {
        return id;
    }

    public long yourVersion() {
        return yourVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    /** The fields that changed; {@code field} is null for a contact's columns (see {@code column}). */
    public List<FieldDifference> changes() {
        return changes;
    }

    /** Display names of the users who saved in between. */
    public List<String> changedBy() {
        return changedBy;
    }
}

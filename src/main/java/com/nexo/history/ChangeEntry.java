package com.nexo.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a record's timeline: an insert, update or delete of one row of a tracked table (the
 * record itself or one of its children, such as a contact of an account), by whom and when.
 *
 * @param table the table of the row ({@code account}, {@code contact})
 * @param rowId the row that changed
 * @param operation {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param changes the changed columns (update), the removed row's columns (delete), none (insert)
 * @param userName the display name of the user who made the change, when known
 * @param actorType employee, system, client...
 * @param note why, when the change set one (for example {@code merge})
 */
public record ChangeEntry(
        long id,
        Instant at,
        String table,
        UUID rowId,
        String operation,
        Long rowVersion,
        List<FieldChange> changes,
        UUID userId,
        String userName,
        String actorType,
        String note) {}

/**
 * Change history of business records, for every module: database triggers write who changed which
 * columns from what to what (per tenant, under row-level security), and {@link
 * com.nexo.history.ChangeHistory} reads a record's timeline. A module attaches it to a table with one
 * line in its migration ({@code SELECT nexo_track_history('table', 'entity_column')}) and exposes the
 * timeline through its own service, behind its own read permission. Users' names come from the
 * security module's {@link com.nexo.security.UserDirectory}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Change history",
        allowedDependencies = {"security"})
package com.nexo.history;

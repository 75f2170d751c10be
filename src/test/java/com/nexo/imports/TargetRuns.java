package com.nexo.imports;

import com.nexo.testing.LoggedIn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a target as the import centre does: each batch in a transaction of its own, as a user of a
 * tenant (the application role under row-level security), with rows numbered from line 2.
 */
public final class TargetRuns {

    private final UserDetailsService users;
    private final PlatformTransactionManager transactions;
    private final JdbcClient jdbc;
    private final String user;

    public TargetRuns(UserDetailsService users, PlatformTransactionManager transactions, JdbcClient jdbc, String user) {
        this.users = users;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.user = user;
    }

    public TargetRuns as(String otherUser) {
        return new TargetRuns(users, transactions, jdbc, otherUser);
    }

    public <T> T inTransaction(Supplier<T> work) {
        return LoggedIn.asUser(users, user, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    /** A batch of these rows (each a field-to-value map; nulls are left out, as blank cells). */
    public static ImportBatch batch(UUID importId, String keyField, boolean write, List<Map<String, Object>> rows) {
        List<ImportRow> importRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> values = new HashMap<>();
            rows.get(i).forEach((field, value) -> {
                if (value != null) {
                    values.put(field, value);
                }
            });
            importRows.add(new ImportRow(i + 2, values));
        }
        return new ImportBatch(importId, keyField, write, importRows);
    }

    public List<RowOutcome> apply(ImportTarget target, String keyField, boolean write, List<Map<String, Object>> rows) {
        ImportBatch batch = batch(UUID.randomUUID(), keyField, write, rows);
        return inTransaction(() -> target.apply(batch));
    }

    /** What the centre keeps of an import's outcomes: its created and updated rows. */
    public static List<ImportedChange> changes(List<RowOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.action() == RowAction.CREATED || o.action() == RowAction.UPDATED)
                .map(o -> new ImportedChange(o.line(), o.entityId(), o.action(), o.undoData(), o.versionAfter()))
                .toList();
    }

    public List<UndoOutcome> undo(
            ImportTarget target, List<RowOutcome> outcomes, boolean includeChangedLater, boolean write) {
        return inTransaction(() -> target.undo(changes(outcomes), includeChangedLater, write));
    }

    /** One value of a query run in the tenant's context. */
    public <T> T query(String sql, Map<String, ?> params, Class<T> type) {
        return inTransaction(
                () -> jdbc.sql(sql).params(params).query(type).optional().orElse(null));
    }

    public static Map<String, Object> row(Object... fieldsAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            row.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return row;
    }
}

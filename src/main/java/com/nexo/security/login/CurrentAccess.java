package com.nexo.security.login;

import com.nexo.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the logged-in user may do right now: whether user and tenant are still active, when its
 * password was last set, and the permissions of its roles. Runs under the user's own row-level
 * security context.
 */
@Component
class CurrentAccess {

    private static final String OPERATOR = """
            SELECT enabled FROM platform_operator WHERE id = nexo_user_id()
            """;

    private static final String USER = """
            SELECT u.enabled AS active, u.access_version, u.password_changed_at,
                   coalesce((SELECT array_agg(DISTINCT rp.permission) FROM user_role ur
                               JOIN role_permission rp ON rp.tenant_id = ur.tenant_id AND rp.role_id = ur.role_id
                              WHERE ur.tenant_id = u.tenant_id AND ur.user_id = u.id), '{}') AS permissions
              FROM app_user u
             WHERE u.id = nexo_user_id()
            """;

    private static final RowMapper<Snapshot> OPERATOR_ROW =
            (row, i) -> new Snapshot(row.getBoolean("enabled"), 0, null, Set.of());

    private static final RowMapper<Snapshot> USER_ROW = (row, i) -> new Snapshot(
            row.getBoolean("active"), row.getLong("access_version"), instant(row, "password_changed_at"), Set.of((String
                            [])
                    row.getArray("permissions").getArray()));

    private final JdbcClient jdbc;
    private final CurrentTenant tenant;

    CurrentAccess(JdbcClient jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * What the logged-in user may do now. A platform operator has no roles: only whether its own row
     * is still there and enabled counts.
     */
    @Transactional(readOnly = true)
    public Optional<Snapshot> load(boolean operator) {
        if (operator) {
            return jdbc.sql(OPERATOR).query(OPERATOR_ROW).list().stream().findFirst();
        }
        List<Snapshot> rows = jdbc.sql(USER).query(USER_ROW).list();
        if (rows.isEmpty() || !rows.getFirst().active()) {
            return rows.stream().findFirst();
        }
        // The tenant's status is the tenancy module's: a suspended tenant's users are inactive too.
        return tenant.isActive()
                ? Optional.of(rows.getFirst())
                : Optional.of(rows.getFirst().inactive());
    }

    /** A timestamp column as an instant, read the same way wherever it is compared. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record Snapshot(boolean active, long accessVersion, Instant passwordChangedAt, Set<String> permissions) {

        Snapshot inactive() {
            return new Snapshot(false, accessVersion, passwordChangedAt, permissions);
        }
    }
}

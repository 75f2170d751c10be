package com.nexo.accounts.search;

import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** The columns of an account list's row and how they map to an {@link AccountRow}. */
public final class AccountRows {

    /** The columns {@link #ROW} reads. */
    static final String COLUMNS = "a.id, a.code, a.kind, a.roles, a.legal_name, a.trade_name, a.tax_id, a.country,"
            + " a.emails[1] AS email, a.phones[1] AS phone, a.addresses -> 0 ->> 'city' AS city, a.tags,"
            + " a.owner_id, a.archived, a.updated_at";

    /** A row without its owner's name (users belong to the security module: looked up apart). */
    static final RowMapper<AccountRow> ROW = (row, i) -> new AccountRow(
            row.getObject("id", UUID.class),
            row.getString("code"),
            AccountKind.valueOf(row.getString("kind")),
            roles(row),
            row.getString("legal_name"),
            row.getString("trade_name"),
            row.getString("tax_id"),
            row.getString("country"),
            row.getString("email"),
            row.getString("phone"),
            row.getString("city"),
            strings(row.getArray("tags")),
            row.getObject("owner_id", UUID.class),
            null,
            row.getBoolean("archived"),
            row.getTimestamp("updated_at").toInstant());

    private AccountRows() {}

    private static Set<AccountRole> roles(ResultSet row) throws SQLException {
        EnumSet<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String role : strings(row.getArray("roles"))) {
            roles.add(AccountRole.valueOf(role.toUpperCase(Locale.ROOT)));
        }
        return roles;
    }

    /** A {@code text[]} column as a list (empty for null). */
    public static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}

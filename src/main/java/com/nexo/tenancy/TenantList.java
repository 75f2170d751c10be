package com.nexo.tenancy;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.tenancy.TenantService.TenantRow;
import jakarta.annotation.security.RolesAllowed;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform operator's list of the installation's tenants: pages by key in one of the list's
 * orders, and its count (exact up to {@link #EXACT_COUNT_LIMIT}, estimated above). The operator's
 * context shows every tenant row and nothing inside the tenants.
 */
@Service
public class TenantList {

    /** Up to this many tenants the list says exactly how many match; above, the planner's estimate. */
    public static final long EXACT_COUNT_LIMIT = 1000;

    /** The orders the tenant list offers. */
    public enum TenantSort {
        CREATED,
        CODE,
        NAME
    }

    /** What the list shows: tenants whose code or name contains {@code text}, in {@code sort}. */
    public record TenantQuery(String text, Sort<TenantSort> sort) implements Serializable {

        public TenantQuery {
            sort = sort == null ? Sort.descending(TenantSort.CREATED) : sort;
        }
    }

    private static final RowMapper<TenantRow> ROW = (row, i) -> new TenantRow(
            row.getObject("id", UUID.class),
            row.getString("code"),
            row.getString("name"),
            Tenant.Status.valueOf(row.getString("status")),
            row.getString("default_locale"),
            row.getObject("created_at", OffsetDateTime.class).toInstant(),
            row.getLong("version"));

    private final JdbcClient jdbc;

    TenantList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} tenants of the query after {@code after} (null: the first page). */
    @Transactional(readOnly = true)
    @RolesAllowed(TenancyRoles.OPERATOR)
    public Page<TenantRow> page(TenantQuery query, PageCursor after, int limit) {
        return select(query).page(jdbc, order(query.sort()), after, limit, ROW);
    }

    /** How many tenants the query matches: exact up to {@link #EXACT_COUNT_LIMIT}, estimated above. */
    @Transactional(readOnly = true)
    @RolesAllowed(TenancyRoles.OPERATOR)
    public CountEstimate count(TenantQuery query) {
        return select(query).count(jdbc, EXACT_COUNT_LIMIT);
    }

    private static ListQuery select(TenantQuery query) {
        ListQuery select = ListQuery.select("t.id, t.code, t.name, t.status, t.default_locale, t.created_at, t.version")
                .from("tenant t");
        String text = query.text() == null ? "" : query.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            select.where(
                    "(lower(t.code) LIKE :pattern ESCAPE '\\' OR lower(t.name) LIKE :pattern ESCAPE '\\')",
                    "pattern",
                    "%" + escaped + "%");
        }
        return select;
    }

    private static ListOrder order(Sort<TenantSort> sort) {
        return switch (sort.by()) {
            case CREATED -> ListOrder.keyset("t.created_at", "timestamptz", "t.id", sort.descending());
            case CODE -> ListOrder.keyset("t.code", "text", "t.id", sort.descending());
            case NAME -> ListOrder.keyset("lower(t.name)", "text", "t.id", sort.descending());
        };
    }
}

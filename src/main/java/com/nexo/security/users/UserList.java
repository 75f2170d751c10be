package com.nexo.security.users;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.security.AccessPermissions;
import com.nexo.tenancy.ActorType;
import jakarta.annotation.security.RolesAllowed;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's user list: pages by key in one of the list's orders, and its count (exact up to
 * {@link #EXACT_COUNT_LIMIT}, estimated above). Row-level security keeps it to the current tenant.
 */
@Service
public class UserList {

    /** Up to this many users the list says exactly how many match; above, the planner's estimate. */
    public static final long EXACT_COUNT_LIMIT = 1000;

    /** The orders the user list offers. */
    public enum UserSort {
        NAME
    }

    /** What the list shows: users whose name or e-mail contains {@code text}, in {@code sort}. */
    public record UserQuery(String text, Sort<UserSort> sort) implements Serializable {

        public UserQuery {
            sort = sort == null ? Sort.ascending(UserSort.NAME) : sort;
        }
    }

    /** One line of the user list, with the user's roles. */
    public record UserRow(
            UUID id,
            String email,
            String displayName,
            ActorType actorType,
            boolean enabled,
            Instant lastLoginAt,
            List<RoleName> roles) {

        UserRow withRoles(List<RoleName> roles) {
            return new UserRow(id, email, displayName, actorType, enabled, lastLoginAt, roles);
        }
    }

    /**
     * A role as a list names it. A predefined role's stored name is its code: the screen shows its
     * translated name instead.
     */
    public record RoleName(String code, String name, boolean predefined) {}

    private static final RowMapper<UserRow> ROW = (row, i) -> new UserRow(
            row.getObject("id", UUID.class),
            row.getString("email"),
            row.getString("display_name"),
            ActorType.fromDbValue(row.getString("actor_type")),
            row.getBoolean("enabled"),
            instant(row.getObject("last_login_at", OffsetDateTime.class)),
            List.of());

    private static final String ROLES_OF_USERS = """
            SELECT ur.user_id, r.code, r.name, r.predefined
              FROM user_role ur
              JOIN role r ON r.id = ur.role_id
             WHERE ur.user_id IN (:ids)
            """;

    private final JdbcClient jdbc;

    UserList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} users of the query after {@code after} (null: the first page). */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public Page<UserRow> page(UserQuery query, PageCursor after, int limit) {
        Page<UserRow> page = select(query).page(jdbc, order(query.sort()), after, limit, ROW);
        return new Page<>(withRoles(page.rows()), page.next());
    }

    /** How many users the query matches: exact up to {@link #EXACT_COUNT_LIMIT}, estimated above. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public CountEstimate count(UserQuery query) {
        return select(query).count(jdbc, EXACT_COUNT_LIMIT);
    }

    private static ListQuery select(UserQuery query) {
        ListQuery select = ListQuery.select("u.id, u.email, u.display_name, u.actor_type, u.enabled, u.last_login_at")
                .from("app_user u");
        String text = query.text() == null ? "" : query.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            select.where(
                    "(lower(u.display_name) LIKE :pattern ESCAPE '\\' OR lower(u.email) LIKE :pattern ESCAPE '\\')",
                    "pattern",
                    "%" + likeEscaped(text) + "%");
        }
        return select;
    }

    private static ListOrder order(Sort<UserSort> sort) {
        return switch (sort.by()) {
            case NAME -> ListOrder.keyset("lower(u.display_name)", "text", "u.id", sort.descending());
        };
    }

    /** The page's users with their roles, read for the whole page in one query. */
    private List<UserRow> withRoles(List<UserRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<RoleName>> roles = new HashMap<>();
        jdbc.sql(ROLES_OF_USERS)
                .param("ids", rows.stream().map(UserRow::id).toList())
                .query((RowCallbackHandler) row -> roles.computeIfAbsent(
                                row.getObject("user_id", UUID.class), id -> new ArrayList<>())
                        .add(new RoleName(row.getString("code"), row.getString("name"), row.getBoolean("predefined"))));
        return rows.stream()
                .map(row -> row.withRoles(roles.getOrDefault(row.id(), List.of()).stream()
                        .sorted(Comparator.comparing(RoleName::code))
                        .toList()))
                .toList();
    }

    /** The text as a LIKE pattern matches it literally ({@code %} and {@code _} are not wildcards). */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

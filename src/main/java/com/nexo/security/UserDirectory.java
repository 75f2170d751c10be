package com.nexo.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know about the current tenant's users without reading {@code app_user}:
 * their names (to show who did something), the employees who may be picked as an owner, and whether
 * a user is an employee. Reads run under the caller's row-level security context and join its
 * transaction. Callers check their own permission first (who may read an account's owner is the
 * accounts module's decision); this service only requires staff or system work.
 */
@Service
public class UserDirectory {

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user as a picker or a list shows it. */
    public record UserName(UUID id, String displayName) {}

    /**
     * The display names of these users, by id, in one query; ids of users that do not exist (or are
     * not visible) are left out, and a null id reads as no name. Meant for the ids of one page of a list.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<UUID, String> namesOf(Collection<UUID> userIds) {
        List<UUID> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM app_user WHERE id IN (:ids)")
                .param("ids", ids)
                .query((RowCallbackHandler) row -> names.put(row.getObject(1, UUID.class), row.getString(2)));
        return names;
    }

    /** The tenant's enabled employees by name: who may own a record. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<UserName> activeEmployees() {
        return jdbc.sql("SELECT id, display_name FROM app_user WHERE actor_type = 'employee' AND enabled"
                        + " ORDER BY lower(display_name), id")
                .query((row, i) -> new UserName(row.getObject("id", UUID.class), row.getString("display_name")))
                .list();
    }

    /**
     * The ids of the roles the current user holds (an employee's, for filters such as "internal
     * content of these roles"); empty when no user is logged in.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Set<UUID> currentUserRoles() {
        return Set.copyOf(jdbc.sql("SELECT role_id FROM user_role WHERE user_id = nexo_user_id()")
                .query(UUID.class)
                .list());
    }

    /**
     * The language each of these e-mail addresses reads its mail in, where a user of the tenant logs in
     * with it and chose one; keyed by the address in lower case. Addresses of nobody in the tenant, and
     * users who never chose, are left out: the caller falls back to the tenant's language.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<String, Locale> languagesOf(Collection<String> emails) {
        List<String> addresses = emails.stream()
                .filter(Objects::nonNull)
                .map(email -> email.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        Map<String, Locale> languages = new HashMap<>();
        if (addresses.isEmpty()) {
            return languages;
        }
        jdbc.sql("SELECT lower(email), locale FROM app_user WHERE lower(email) IN (:emails) AND locale IS NOT NULL")
                .param("emails", addresses)
                .query((RowCallbackHandler)
                        row -> languages.put(row.getString(1), Locale.forLanguageTag(row.getString(2))));
        return languages;
    }

    /** Whether the user is an employee of the tenant (enabled or not). */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public boolean isEmployee(UUID userId) {
        if (userId == null) {
            return false;
        }
        return jdbc.sql("SELECT EXISTS (SELECT FROM app_user WHERE id = :id AND actor_type = 'employee')")
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }
}

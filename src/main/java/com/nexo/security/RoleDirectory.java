package com.nexo.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know about the current tenant's roles without reading {@code role}: their
 * ids and names (to let an editor pick which roles may read something). Reads run under the caller's
 * row-level security context and join its transaction; callers check their own permission first.
 */
@Service
public class RoleDirectory {

    private final JdbcClient jdbc;

    RoleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A role as a picker shows it. */
    public record RoleName(UUID id, String name) {}

    /** The tenant's roles by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<RoleName> roles() {
        return jdbc.sql("SELECT id, name FROM role ORDER BY lower(name), id")
                .query((row, i) -> new RoleName(row.getObject("id", UUID.class), row.getString("name")))
                .list();
    }
}

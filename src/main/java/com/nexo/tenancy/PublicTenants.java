package com.nexo.tenancy;

import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant an anonymous address names (public pages: {@code /p/<tenant code>/...}), found through
 * the narrow {@code nexo_public_tenant} function before any context exists, and only when active. What
 * is then read for the visitor runs in {@link TenantContext#callAsVisitor}.
 */
@Component
public class PublicTenants {

    /** The tenant code's format (the {@code tenant_code_format} constraint). */
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** What a public page may show of its tenant. */
    public record PublicTenant(UUID id, String code, String name, String defaultLocale) {}

    private final JdbcClient jdbc;

    PublicTenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active tenant with this code; empty for an unknown, suspended or malformed code. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<PublicTenant> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id, name, default_locale FROM nexo_public_tenant(:code)")
                .param("code", code)
                .query((rs, row) -> new PublicTenant(
                        rs.getObject("tenant_id", UUID.class),
                        code,
                        rs.getString("name"),
                        rs.getString("default_locale")))
                .optional();
    }
}

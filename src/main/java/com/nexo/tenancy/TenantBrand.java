package com.nexo.tenancy;

import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the current tenant shows itself to the outside: the name and logo of its company profile, for
 * the portals' frame. Portal actors may read these columns of their own tenant's profile and nothing
 * else of it (its tax id, bank account and address stay staff's); see {@link CompanyProfiles} for the
 * whole profile.
 */
@Service
public class TenantBrand {

    /**
     * The name and logo a tenant shows.
     *
     * @param name the trade name, else the legal name, else the tenant's name
     * @param logo the logo's bytes; null when it has none
     * @param logoContentType {@code image/png} or {@code image/jpeg}; null without a logo
     */
    public record Brand(String name, byte[] logo, String logoContentType) {

        public boolean hasLogo() {
            return logo != null && logoContentType != null;
        }
    }

    private static final String SELECT = """
            SELECT coalesce(nullif(btrim(trade_name), ''), legal_name) AS name, logo, logo_content_type
              FROM tenant_company
             WHERE tenant_id = nexo_tenant_id()
            """;

    private final JdbcClient jdbc;

    TenantBrand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current tenant's brand; without a company profile, its name and no logo. */
    @Transactional(readOnly = true)
    @RolesAllowed({
        TenancyRoles.CLIENT,
        TenancyRoles.SUPPLIER,
        TenancyRoles.PROFESSIONAL,
        TenancyRoles.EMPLOYEE,
        TenancyRoles.SYSTEM
    })
    public Brand current() {
        Optional<Brand> profile = jdbc.sql(SELECT)
                .query((row, n) ->
                        new Brand(row.getString("name"), row.getBytes("logo"), row.getString("logo_content_type")))
                .optional();
        return profile.orElseGet(() -> new Brand(
                jdbc.sql("SELECT name FROM tenant WHERE id = nexo_tenant_id()")
                        .query(String.class)
                        .optional()
                        .orElse(""),
                null,
                null));
    }
}

package com.nexo.tenancy;

import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant row of the current transaction's context, for other modules that must not read the
 * {@code tenant} table: whether the tenant is active (checked on every request), and its single
 * sign-on settings. Joins the caller's transaction, under its row-level security; callers check
 * their own permissions (the security module decides who may change the sign-on settings).
 */
@Service
public class CurrentTenant {

    private final JdbcClient jdbc;

    CurrentTenant(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the current tenant exists and is not suspended. */
    @Transactional(readOnly = true)
    @RolesAllowed({
        TenancyRoles.EMPLOYEE,
        TenancyRoles.CLIENT,
        TenancyRoles.SUPPLIER,
        TenancyRoles.PROFESSIONAL,
        TenancyRoles.OPERATOR,
        TenancyRoles.SYSTEM
    })
    public boolean isActive() {
        return jdbc.sql("SELECT EXISTS (SELECT FROM tenant WHERE id = nexo_tenant_id() AND status = 'ACTIVE')")
                .query(Boolean.class)
                .single();
    }

    /**
     * Whether a first sign-on with an unknown, verified e-mail of {@code allowedDomain} creates a user
     * of this tenant.
     */
    public record SignOnSettings(boolean autoCreate, String allowedDomain) {}

    /** What {@link #changeSignOnSettings} did. */
    public enum SignOnChange {
        CHANGED,
        /** Another tenant has that domain already: nothing changed. */
        DOMAIN_TAKEN,
        /** No tenant in the context (or not visible): nothing changed. */
        NO_TENANT
    }

    /** The current tenant's single sign-on settings; empty without a tenant in the context. */
    @Transactional(readOnly = true)
    @RolesAllowed(TenancyRoles.EMPLOYEE)
    public Optional<SignOnSettings> signOnSettings() {
        return jdbc.sql("SELECT sso_auto_create, sso_allowed_domain FROM tenant WHERE id = nexo_tenant_id()")
                .query((row, i) -> new SignOnSettings(row.getBoolean(1), row.getString(2)))
                .optional();
    }

    /**
     * Stores the current tenant's single sign-on settings. The database checks the domain's format,
     * that creation on has a domain, and that a domain belongs to one tenant.
     */
    @Transactional
    @RolesAllowed(TenancyRoles.EMPLOYEE)
    public SignOnChange changeSignOnSettings(boolean autoCreate, String allowedDomain) {
        int updated;
        try {
            updated = jdbc.sql("UPDATE tenant SET sso_auto_create = :autoCreate, sso_allowed_domain = :domain,"
                            + " updated_at = now() WHERE id = nexo_tenant_id()")
                    .param("autoCreate", autoCreate)
                    .param("domain", allowedDomain, java.sql.Types.VARCHAR)
                    .update();
        } catch (DuplicateKeyException e) {
            return SignOnChange.DOMAIN_TAKEN;
        }
        return updated == 1 ? SignOnChange.CHANGED : SignOnChange.NO_TENANT;
    }
}

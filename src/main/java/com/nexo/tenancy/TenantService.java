package com.nexo.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the current tenant; creates, suspends and reactivates tenants. */
@Service
public class TenantService {

    private final TenantRepository tenants;
    private final ApplicationEventPublisher events;

    TenantService(TenantRepository tenants, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.events = events;
    }

    /** The tenant the current user works in (row-level security shows no other). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<TenantSummary> currentTenant() {
        return TenantContext.current()
                .map(DatabaseContext::tenantId)
                .flatMap(tenants::findById)
                .map(TenantSummary::of);
    }

    /**
     * Creates a tenant. The row is written by system work bound to the new tenant's own id, which is
     * the only way the database policy lets a tenant row be inserted.
     */
    @PreAuthorize("hasRole('SYSTEM') or hasRole('OPERATOR')")
    public TenantSummary createTenant(String code, String name, String defaultLocale) {
        return createTenant(com.nexo.base.Ids.newId(), code, name, defaultLocale);
    }

    /** Creates a tenant with a known id (demo data, data migrations). */
    @PreAuthorize("hasRole('SYSTEM') or hasRole('OPERATOR')")
    public TenantSummary createTenant(UUID id, String code, String name, String defaultLocale) {
        Tenant tenant = new Tenant(id, code, name, defaultLocale);
        TenantSummary created = TenantContext.callAs(
                DatabaseContext.system(tenant.getId(), null), () -> TenantSummary.of(tenants.saveAndFlush(tenant)));
        // Listeners (predefined roles, ...) run now, as system work for the new tenant.
        TenantContext.callAsSystem(created.id(), null, () -> {
            events.publishEvent(new TenantCreated(created.id(), created.code()));
            return null;
        });
        return created;
    }

    /** Ids of every tenant, for platform work such as keeping predefined roles in step. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public List<UUID> allTenantIds() {
        return tenants.findAll().stream().map(Tenant::getId).toList();
    }

    /**
     * Suspends a tenant: its users cannot log in, and those logged in are logged out on their next
     * request. Platform work, run inside {@link TenantContext#callAsOperator}.
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void suspend(UUID tenantId) {
        find(tenantId).suspend();
    }

    /** Lets a suspended tenant's users log in again. Platform work, like {@link #suspend(UUID)}. */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void reactivate(UUID tenantId) {
        find(tenantId).reactivate();
    }

    private Tenant find(UUID tenantId) {
        return tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
    }

    /** Whether a tenant with this id exists, asked from inside its own context. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(readOnly = true)
    public boolean exists(UUID tenantId) {
        return tenants.existsById(tenantId);
    }

    /** What the rest of the application may know about a tenant. */
    public record TenantSummary(UUID id, String code, String name, Tenant.Status status, String defaultLocale) {
        static TenantSummary of(Tenant tenant) {
            return new TenantSummary(
                    tenant.getId(), tenant.getCode(), tenant.getName(), tenant.getStatus(), tenant.getDefaultLocale());
        }
    }
}

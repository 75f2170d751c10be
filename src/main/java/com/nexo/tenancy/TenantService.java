package com.nexo.tenancy;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant, and changes the tenant registry of the platform operator: create, rename,
 * suspend and reactivate ({@link TenantList} lists it). The operator's methods run under the
 * operator's own context, in which the database shows tenant rows and nothing else.
 */
@Service
public class TenantService {

    /** Lower-case letters, digits and hyphens; the database checks the same. */
    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public static final Set<String> LOCALES = Set.of("es", "en");
    public static final int MAX_NAME_LENGTH = 200;

    private final TenantRepository tenants;
    private final ApplicationEventPublisher events;

    TenantService(TenantRepository tenants, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.events = events;
    }

    /** The tenant the current user works in (row-level security shows no other). */
    @Transactional(readOnly = true)
    @RolesAllowed({
        TenancyRoles.EMPLOYEE,
        TenancyRoles.CLIENT,
        TenancyRoles.SUPPLIER,
        TenancyRoles.PROFESSIONAL,
        TenancyRoles.OPERATOR,
        TenancyRoles.SYSTEM
    })
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
    @RolesAllowed({TenancyRoles.SYSTEM, TenancyRoles.OPERATOR})
    public TenantSummary createTenant(String code, String name, String defaultLocale) {
        return createTenant(com.nexo.base.Ids.newId(), code, name, defaultLocale);
    }

    /** Creates a tenant with a known id (demo data, data migrations). */
    @RolesAllowed({TenancyRoles.SYSTEM, TenancyRoles.OPERATOR})
    public TenantSummary createTenant(UUID id, String code, String name, String defaultLocale) {
        checkNewTenant(code, name, defaultLocale);
        Tenant tenant = new Tenant(id, code, name.strip(), defaultLocale);
        TenantSummary created;
        try {
            created = TenantContext.callAs(
                    DatabaseContext.system(tenant.getId(), null), () -> TenantSummary.of(tenants.saveAndFlush(tenant)));
        } catch (DataIntegrityViolationException e) {
            throw new TenantRuleException("tenants.error.code-taken");
        }
        // Listeners (predefined roles, ...) run now, as system work for the new tenant.
        TenantContext.callAsSystem(created.id(), null, () -> {
            events.publishEvent(new TenantCreated(created.id(), created.code()));
            return null;
        });
        return created;
    }

    /**
     * Checks what a new tenant needs, without writing anything: a well-formed code not in use, a name
     * and a supported language. Whether the code is in use can only be answered by the operator,
     * who sees every tenant row; system work sees its own tenant only and leaves that to the database.
     */
    @RolesAllowed({TenancyRoles.SYSTEM, TenancyRoles.OPERATOR})
    @Transactional(readOnly = true)
    public void checkNewTenant(String code, String name, String defaultLocale) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new TenantRuleException("tenants.error.code-format");
        }
        checkName(name);
        if (defaultLocale == null || !LOCALES.contains(defaultLocale)) {
            throw new TenantRuleException("tenants.error.locale");
        }
        if (TenantContext.current()
                        .map(c -> c.actorType() == ActorType.OPERATOR)
                        .orElse(false)
                && tenants.existsByCode(code)) {
            throw new TenantRuleException("tenants.error.code-taken");
        }
    }

    /**
     * Gives a tenant a new name. When someone saved the tenant since the form's version was loaded,
     * nothing is written.
     */
    @Transactional
    @RolesAllowed(TenancyRoles.OPERATOR)
    public TenantRow rename(TenantNameForm form) {
        Tenant tenant = find(form.getId());
        if (!Objects.equals(tenant.getVersion(), form.getVersion())) {
            throw new OptimisticLockingFailureException("Tenant " + form.getId() + " changed since it was loaded");
        }
        checkName(form.getName());
        tenant.rename(form.getName().strip());
        return TenantRow.of(tenants.saveAndFlush(tenant));
    }

    /** Suspends a tenant: its users cannot log in, and those logged in are logged out on their next request. */
    @Transactional
    @RolesAllowed(TenancyRoles.OPERATOR)
    public TenantRow suspend(UUID id) {
        return changeStatus(id, Tenant.Status.SUSPENDED);
    }

    /** Lets a suspended tenant's users log in again. */
    @Transactional
    @RolesAllowed(TenancyRoles.OPERATOR)
    public TenantRow reactivate(UUID id) {
        return changeStatus(id, Tenant.Status.ACTIVE);
    }

    private TenantRow changeStatus(UUID id, Tenant.Status status) {
        Tenant tenant = find(id);
        tenant.changeStatus(status);
        return TenantRow.of(tenants.saveAndFlush(tenant));
    }

    private Tenant find(UUID id) {
        return tenants.findById(id).orElseThrow(() -> new TenantRuleException("tenants.error.not-found"));
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new TenantRuleException("tenants.error.name-required");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new TenantRuleException("tenants.error.name-too-long");
        }
    }

    /** Ids of every tenant, for platform work such as keeping predefined roles in step. */
    @Transactional(readOnly = true)
    @RolesAllowed(TenancyRoles.OPERATOR)
    public List<UUID> allTenantIds() {
        return tenants.findAll().stream().map(Tenant::getId).toList();
    }

    /** Whether a tenant with this id exists, asked from inside its own context. */
    @RolesAllowed(TenancyRoles.SYSTEM)
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

    /** One line of the operator's tenant list. */
    public record TenantRow(
            UUID id,
            String code,
            String name,
            Tenant.Status status,
            String defaultLocale,
            Instant createdAt,
            long version) {
        static TenantRow of(Tenant tenant) {
            return new TenantRow(
                    tenant.getId(),
                    tenant.getCode(),
                    tenant.getName(),
                    tenant.getStatus(),
                    tenant.getDefaultLocale(),
                    tenant.getCreatedAt(),
                    tenant.getVersion() == null ? 0 : tenant.getVersion());
        }
    }
}

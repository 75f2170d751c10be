/**
 * Tenancy: binds every database transaction to its tenant, user, actor type and party, so that
 * PostgreSQL row-level security can isolate tenants and portal actors on its own.
 *
 * <p>This is the only module that talks to the database about context. Web requests get their context
 * from the logged-in principal ({@link com.nexo.tenancy.ActorPrincipal}); work outside a request
 * (batch jobs, listeners, schedules) passes it explicitly through {@link com.nexo.tenancy.TenantContext}.
 * No other module passes a tenant id around or filters by it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tenancy",
        allowedDependencies = {"base"})
package com.nexo.tenancy;

/**
 * CRM: leads before they are qualified and their capture from the tenant's web site, opportunities on
 * pipelines of configurable stages (a board and a list), their conversion from leads, activities
 * (calls, meetings, tasks, notes) with reminders, sales teams, assignment and stage rules, and the
 * forecast.
 *
 * <p>Accounts and contacts are referred to by id and read or created through the accounts module's
 * API; quotes are made through the sales module's API. This package is what other modules may use
 * ({@link com.nexo.crm.CrmPermissions}); the rest is internal, by sub-feature.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "CRM",
        allowedDependencies = {"accounts", "base", "demo", "history", "sales", "security", "tenancy"})
package com.nexo.crm;

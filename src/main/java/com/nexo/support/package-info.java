/**
 * Requests (support): a client opens a request from the portal (subject, category, text and files),
 * follows the conversation, replies and closes it; the back office lists the tenant's requests, answers
 * them (the client is mailed in its language), assigns and closes them. Staff is mailed when a request
 * is opened. Rows are scoped by the database: staff by tenant, the client role by tenant and account.
 *
 * <p>This package is what other modules may use: the permissions and the shared types. Sub-features:
 * {@code requests} (the services, the mails), {@code demo} and {@code ui} (portal and back-office pages, the portal
 * home's notices). Files go through base's {@code FileStorage}; account names through the accounts
 * module's {@code AccountDirectory}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Requests (support)",
        allowedDependencies = {"accounts", "base", "demo", "security", "tenancy"})
package com.nexo.support;

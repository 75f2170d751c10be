/**
 * Requests (support): a portal actor (client, supplier or professional) opens a request from its portal
 * (subject, a category offered to its kind, text and files), follows the conversation, replies and
 * closes it; the back office lists the tenant's requests with the requester's kind, answers them (the
 * requester is mailed in its language, with a link to the request in its portal), assigns and closes
 * them. Staff is mailed when a request is opened, with a link to it in the back office. Rows are scoped
 * by the database: staff by tenant, each portal role by tenant, account and kind of requester. A
 * client also keeps files in its account's documents ("My files").
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

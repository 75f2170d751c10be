/**
 * Security: users, login and the principal that carries each request's tenant context.
 *
 * <p>Login starts before any tenant is known, so users are found through the single audited
 * database function {@code nexo_login_lookup}; everything after login runs under row-level security.
 *
 * <p>This package is what other modules may use: the logged-in user ({@link
 * com.nexo.security.CurrentUser}, {@link com.nexo.security.NexoUser}), permissions ({@link
 * com.nexo.security.Permission}, {@link com.nexo.security.ModulePermissions}), the users service and
 * the directories of users ({@link com.nexo.security.UserDirectory}, {@link
 * com.nexo.security.PortalUsers}). The rest is internal, by sub-feature: {@code login}, {@code users},
 * {@code roles}, {@code sso}, {@code operators}, {@code sessions} (a sub-package, not a module: login
 * and sessions call each other), {@code events} (the security log) and {@code ui}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"base", "tenancy"})
package com.nexo.security;

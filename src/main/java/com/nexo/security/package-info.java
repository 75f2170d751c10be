/**
 * Security: users, login and the principal that carries each request's tenant context.
 *
 * <p>Login starts before any tenant is known, so users are found through the single audited
 * database function {@code nexo_login_lookup}; everything after login runs under row-level security.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.nexo.security;

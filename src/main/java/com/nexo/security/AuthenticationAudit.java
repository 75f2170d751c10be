package com.nexo.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes every login and failed login to the audit log ({@code nexo.security.audit}), so that the
 * cross-tenant login look-up always leaves a trace. Never logs a password.
 */
@Component
class AuthenticationAudit {

    private static final Logger AUDIT = LoggerFactory.getLogger("nexo.security.audit");

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof NexoUser user) {
            AUDIT.info("login user={} tenant={} actor={}", user.userId(), user.tenantId(), user.actorType());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        AUDIT.warn(
                "login-failed name={} reason={}",
                event.getAuthentication().getName(),
                event.getException().getClass().getSimpleName());
    }
}

package com.nexo.demo;

import com.nexo.tenancy.ActorPrincipal;
import com.nexo.tenancy.TenantContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Runs a module's demo work as one of the demo users: method security sees the user's permissions and
 * the transactions are bound to the user, as when the user works in the application. The seeder calls
 * the modules as system work, which most business services do not admit, and the documents are the
 * user's anyway (creator, approver).
 */
@Component
@ConditionalOnBooleanProperty("nexo.demo.enabled")
public class DemoUsers {

    private final UserDetailsService users;

    DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    /** Whether a user may log in with this e-mail (the seeder adds demo users a tenant lacks). */
    boolean exists(String email) {
        try {
            users.loadUserByUsername(email);
            return true;
        } catch (UsernameNotFoundException gone) {
            return false;
        }
    }

    /**
     * Runs {@code work} as the user with this e-mail; returns false, without running it, when no such
     * user exists (the caller logs and skips its demo data).
     */
    public boolean runAs(String email, Runnable work) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(email);
        } catch (UsernameNotFoundException gone) {
            return false;
        }
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication before = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            TenantContext.runAs(((ActorPrincipal) user).databaseContext(), work);
            return true;
        } finally {
            context.setAuthentication(before);
        }
    }
}

package com.nexo.tenancy;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of work done outside a user's request: the system working for one tenant
 * ({@code ROLE_SYSTEM}), platform work across tenants' rows ({@code ROLE_OPERATOR}), or an anonymous
 * request reading one tenant's public content ({@code ROLE_VISITOR}).
 */
public final class BackgroundAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

    public static final String SYSTEM = "ROLE_" + TenancyRoles.SYSTEM;
    public static final String OPERATOR = "ROLE_" + TenancyRoles.OPERATOR;
    public static final String VISITOR = "ROLE_" + TenancyRoles.VISITOR;

    private final DatabaseContext context;

    BackgroundAuthentication(DatabaseContext context, String authority) {
        super(List.of(new SimpleGrantedAuthority(authority)));
        this.context = context;
        setAuthenticated(true);
    }

    @Override
    public DatabaseContext databaseContext() {
        return context;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return context.actorType().dbValue();
    }
}

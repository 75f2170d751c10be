package com.nexo.tenancy;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of background work done by the system for one tenant. */
public final class SystemAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

    public static final String AUTHORITY = "ROLE_SYSTEM";

    private final DatabaseContext context;

    SystemAuthentication(DatabaseContext context) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
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
        return "system";
    }
}

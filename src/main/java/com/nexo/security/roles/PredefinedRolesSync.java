package com.nexo.security.roles;

import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantCreated;
import com.nexo.tenancy.TenantService;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every new tenant the predefined roles, and at start-up brings every tenant's predefined roles
 * in step with the permission catalogue (a module added since the last start adds its permissions).
 */
@Component
@Order(0)
class PredefinedRolesSync implements ApplicationRunner {

    private final RoleService roles;
    private final TenantService tenants;

    PredefinedRolesSync(RoleService roles, TenantService tenants) {
        this.roles = roles;
        this.tenants = tenants;
    }

    @EventListener
    void tenantCreated(TenantCreated event) {
        roles.syncPredefinedRoles();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<UUID> ids = TenantContext.callAsOperator(null, tenants::allTenantIds);
        for (UUID tenantId : ids) {
            TenantContext.callAsSystem(tenantId, null, () -> {
                roles.syncPredefinedRoles();
                return null;
            });
        }
    }
}

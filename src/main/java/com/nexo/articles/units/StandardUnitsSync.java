package com.nexo.articles.units;

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

/** Gives every new tenant the standard units of measure, and at start-up every tenant that lacks some. */
@Component
@Order(1)
class StandardUnitsSync implements ApplicationRunner {

    private final UnitService units;
    private final TenantService tenants;

    StandardUnitsSync(UnitService units, TenantService tenants) {
        this.units = units;
        this.tenants = tenants;
    }

    @EventListener
    void tenantCreated(TenantCreated event) {
        units.ensureStandardUnits();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<UUID> ids = TenantContext.callAsOperator(null, tenants::allTenantIds);
        for (UUID tenantId : ids) {
            TenantContext.callAsSystem(tenantId, null, units::ensureStandardUnits);
        }
    }
}

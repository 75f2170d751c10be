package com.nexo.demo;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo tenant once (it is skipped when the tenant exists). Ids are fixed so the demo
 * tenant and its portal accounts are the same on every machine.
 */
@Component
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoDataSeeder implements ApplicationRunner {

    static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    static final UUID SECOND_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");
    /** The accounts (parties) the portal users belong to; the accounts module will hold them. */
    static final UUID CLIENT_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000c1");

    static final UUID SUPPLIER_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000d1");
    static final UUID PROFESSIONAL_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000e1");

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final TenantService tenants;
    private final UserService users;
    private final DemoProperties properties;

    DemoDataSeeder(TenantService tenants, UserService users, DemoProperties properties) {
        this.tenants = tenants;
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed(
                DEMO_TENANT,
                "demo",
                "Talleres Nexo Demo, S.L.",
                "es",
                "demo.nexo",
                List.of(
                        new NewUser(
                                "admin@demo.nexo", "Ana Administradora", ActorType.EMPLOYEE, null, true, null, "es"),
                        new NewUser("ventas@demo.nexo", "Sergio Ventas", ActorType.EMPLOYEE, null, false, null, "es"),
                        new NewUser(
                                "cliente@demo.nexo",
                                "Carmen Cliente (Hostelería Sol)",
                                ActorType.CLIENT,
                                CLIENT_PARTY,
                                false,
                                null,
                                "es"),
                        new NewUser(
                                "proveedor@demo.nexo",
                                "Pablo Proveedor (Aceros del Norte)",
                                ActorType.SUPPLIER,
                                SUPPLIER_PARTY,
                                false,
                                null,
                                "es"),
                        new NewUser(
                                "profesional@demo.nexo",
                                "Lucía Profesional (freelance)",
                                ActorType.PROFESSIONAL,
                                PROFESSIONAL_PARTY,
                                false,
                                null,
                                "en")));
        // A second tenant, so that isolation is visible in the demo too.
        seed(
                SECOND_TENANT,
                "northwind",
                "Northwind Trading Ltd.",
                "en",
                "northwind.nexo",
                List.of(new NewUser(
                        "admin@northwind.nexo", "Nancy Admin", ActorType.EMPLOYEE, null, true, null, "en")));
    }

    private void seed(UUID tenantId, String code, String name, String locale, String domain, List<NewUser> people) {
        TenantContext.callAsSystem(tenantId, null, () -> {
            if (tenants.exists(tenantId)) {
                return null;
            }
            tenants.createTenant(tenantId, code, name, locale);
            for (NewUser person : people) {
                users.createUser(new NewUser(
                        person.email(),
                        person.displayName(),
                        person.actorType(),
                        person.partyId(),
                        person.tenantAdmin(),
                        properties.password(),
                        person.locale()));
            }
            LOG.info("Seeded demo tenant {} ({}) with {} users", name, domain, people.size());
            return null;
        });
    }
}

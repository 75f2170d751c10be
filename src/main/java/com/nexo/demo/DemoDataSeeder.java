package com.nexo.demo;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo tenants once (a tenant that exists is left alone). Ids are fixed so the demo
 * tenant and its portal accounts are the same on every machine.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoDataSeeder implements ApplicationRunner {

    static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    static final UUID SECOND_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");
    /** The accounts (parties) the portal users belong to; the accounts module will hold them. */
    static final UUID CLIENT_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000c1");

    static final UUID SUPPLIER_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000d1");
    static final UUID PROFESSIONAL_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000e1");

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    private static final List<Person> DEMO_PEOPLE = List.of(
            new Person("admin@demo.nexo", "Ana Administradora", ActorType.EMPLOYEE, null, "administrator", "es"),
            new Person("ventas@demo.nexo", "Sergio Ventas", ActorType.EMPLOYEE, null, "sales", "es"),
            new Person("consulta@demo.nexo", "Rosa Consulta", ActorType.EMPLOYEE, null, "read-only", "es"),
            new Person(
                    "cliente@demo.nexo", "Carmen Cliente (Hostelería Sol)", ActorType.CLIENT, CLIENT_PARTY, null, "es"),
            new Person(
                    "proveedor@demo.nexo",
                    "Pablo Proveedor (Aceros del Norte)",
                    ActorType.SUPPLIER,
                    SUPPLIER_PARTY,
                    null,
                    "es"),
            new Person(
                    "profesional@demo.nexo",
                    "Lucía Profesional (freelance)",
                    ActorType.PROFESSIONAL,
                    PROFESSIONAL_PARTY,
                    null,
                    "en"));

    private static final List<Person> SECOND_PEOPLE =
            List.of(new Person("admin@northwind.nexo", "Nancy Admin", ActorType.EMPLOYEE, null, "administrator", "en"));

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
        seed(DEMO_TENANT, "demo", "Talleres Nexo Demo, S.L.", "es", DEMO_PEOPLE);
        // A second tenant, so that isolation is visible in the demo too.
        seed(SECOND_TENANT, "northwind", "Northwind Trading Ltd.", "en", SECOND_PEOPLE);
    }

    private void seed(UUID tenantId, String code, String name, String locale, List<Person> people) {
        TenantContext.callAsSystem(tenantId, null, () -> {
            if (tenants.exists(tenantId)) {
                return null;
            }
            tenants.createTenant(tenantId, code, name, locale);
            for (Person person : people) {
                users.createUser(new NewUser(
                        person.email(),
                        person.name(),
                        person.actorType(),
                        person.party(),
                        person.role() == null ? Set.of() : Set.of(person.role()),
                        properties.password(),
                        person.locale()));
            }
            LOG.info("Seeded demo tenant {} with {} users", name, people.size());
            return null;
        });
    }

    private record Person(String email, String name, ActorType actorType, UUID party, String role, String locale) {}
}

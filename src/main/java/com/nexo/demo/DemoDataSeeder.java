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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo tenants with their users once (a tenant that exists keeps its users; a demo user
 * added to this list since it was seeded is created), then lets every module's {@link DemoData} seed
 * its own data in each of them.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    private static final List<Person> DEMO_PEOPLE = List.of(
            new Person("admin@demo.nexo", "Ana Administradora", ActorType.EMPLOYEE, null, "administrator", "es"),
            new Person("ventas@demo.nexo", "Sergio Ventas", ActorType.EMPLOYEE, null, "sales", "es"),
            new Person("compras@demo.nexo", "Marta Compras", ActorType.EMPLOYEE, null, "purchasing", "es"),
            new Person("consulta@demo.nexo", "Rosa Consulta", ActorType.EMPLOYEE, null, "read-only", "es"),
            new Person("produccion@demo.nexo", "Pedro Producción", ActorType.EMPLOYEE, null, "production", "es"),
            new Person("contenidos@demo.nexo", "Elena Contenidos", ActorType.EMPLOYEE, null, "content-editor", "es"),
            new Person(
                    "cliente@demo.nexo",
                    "Carmen Cliente (Hostelería Sol)",
                    ActorType.CLIENT,
                    DemoTenant.CLIENT_PARTY,
                    null,
                    "es"),
            new Person(
                    "proveedor@demo.nexo",
                    "Pablo Proveedor (Aceros del Norte)",
                    ActorType.SUPPLIER,
                    DemoTenant.SUPPLIER_PARTY,
                    null,
                    "es"),
            new Person(
                    "profesional@demo.nexo",
                    "Lucía Profesional (freelance)",
                    ActorType.PROFESSIONAL,
                    DemoTenant.PROFESSIONAL_PARTY,
                    null,
                    "en"));

    private static final List<Person> SECOND_PEOPLE =
            List.of(new Person("admin@northwind.nexo", "Nancy Admin", ActorType.EMPLOYEE, null, "administrator", "en"));

    private final TenantService tenants;
    private final UserService users;
    private final DemoProperties properties;
    private final ObjectProvider<DemoData> modules;
    private final DemoUsers demoUsers;

    DemoDataSeeder(
            TenantService tenants,
            UserService users,
            DemoProperties properties,
            ObjectProvider<DemoData> modules,
            DemoUsers demoUsers) {
        this.tenants = tenants;
        this.users = users;
        this.properties = properties;
        this.modules = modules;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed(DemoTenant.DEMO, DEMO_PEOPLE);
        seed(DemoTenant.NORTHWIND, SECOND_PEOPLE);
        List<DemoData> data = modules.orderedStream().toList();
        for (DemoTenant tenant : DemoTenant.values()) {
            for (DemoData module : data) {
                TenantContext.callAsSystem(tenant.id(), null, () -> {
                    module.seed(tenant);
                    return null;
                });
            }
        }
    }

    private void seed(DemoTenant tenant, List<Person> people) {
        UUID tenantId = tenant.id();
        String name = tenant.displayName();
        TenantContext.callAsSystem(tenantId, null, () -> {
            if (!tenants.exists(tenantId)) {
                tenants.createTenant(tenantId, tenant.code(), name, tenant.locale());
                people.forEach(this::create);
                LOG.info("Seeded demo tenant {} with {} users", name, people.size());
                return null;
            }
            // A tenant seeded before a demo user was added to the list gets that user (e.g. the buyer).
            for (Person person : people) {
                if (!demoUsers.exists(person.email())) {
                    create(person);
                    LOG.info("Added demo user {} to {}", person.email(), name);
                }
            }
            return null;
        });
    }

    private void create(Person person) {
        users.createUser(new NewUser(
                person.email(),
                person.name(),
                person.actorType(),
                person.party(),
                person.role() == null ? Set.of() : Set.of(person.role()),
                properties.password(),
                person.locale()));
    }

    private record Person(String email, String name, ActorType actorType, UUID party, String role, String locale) {}
}

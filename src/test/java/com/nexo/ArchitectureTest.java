package com.nexo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules that keep the layers and the tenancy boundary where STYLE.md and ARCHITECTURE.md put them. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nexo");

    @Test
    void views_never_touch_repositories_the_entity_manager_or_jdbc() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(DataSource.class)
                .check(MAIN);
    }

    @Test
    void views_receive_records_never_jpa_entities() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .because("views receive records (read models); entities stay inside their module's services")
                .check(MAIN);
    }

    @Test
    void vaadin_components_routes_and_server_classes_are_used_only_in_ui_packages() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.vaadin.flow.component..", "com.vaadin.flow.router..", "com.vaadin.flow.server..")
                .check(MAIN);
    }

    @Test
    void routes_live_in_ui_packages() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .resideInAPackage("..ui..")
                .check(MAIN);
    }

    @Test
    void only_the_tenancy_module_binds_the_database_context() throws IOException {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.nexo.tenancy..")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("DatabaseContextBinder")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("ContextBindingTransactionManager")
                .check(MAIN);

        Path sources = Path.of("src/main/java");
        Path tenancy = sources.resolve("com/nexo/tenancy");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(tenancy))
                    .filter(ArchitectureTest::mentionsSetConfig)
                    .toList();
            assertThat(offenders)
                    .as("only com.nexo.tenancy may set the database context or role (set_config, SET ROLE)")
                    .isEmpty();
        }
    }

    private static boolean mentionsSetConfig(Path file) {
        try {
            String text = Files.readString(file);
            String upper = text.toUpperCase(java.util.Locale.ROOT);
            return text.contains("set_config")
                    || text.contains("nexo.tenant_id")
                    // The actor's role is switched with the context, transaction-locally, by the binder.
                    || upper.contains("SET ROLE")
                    || upper.contains("SET LOCAL ROLE")
                    || upper.contains("SESSION AUTHORIZATION");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.nexo.articles.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's views get records, never JPA entities (the rule ArchitectureTest will hold for
 * every view once the stock views are converted too).
 */
class CatalogueViewsUseRecordsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nexo.articles");

    @Test
    void the_catalogue_views_depend_on_no_entity() {
        noClasses()
                .that()
                .haveNameMatching("com\\.nexo\\.articles\\.ui\\.(Article|Categor)[^.]*")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(MAIN);
    }
}

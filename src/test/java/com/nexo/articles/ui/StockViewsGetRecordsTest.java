package com.nexo.articles.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/**
 * The stock screens receive records, never JPA entities: the rule {@code ArchitectureTest} holds for
 * every view, applied here to the stock side's views and dialogs (and dashboard cards).
 */
class StockViewsGetRecordsTest {

    private static final JavaClasses STOCK_VIEWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nexo.articles.ui");

    @Test
    void stock_views_do_not_depend_on_entities() {
        noClasses()
                .that()
                .haveSimpleNameStartingWith("Stock")
                .or()
                .haveSimpleNameStartingWith("Warehouse")
                .or()
                .haveSimpleNameStartingWith("Replenishment")
                .or()
                .haveSimpleNameStartingWith("StartCount")
                .or()
                .haveSimpleNameStartingWith("CountLines")
                .or()
                .haveSimpleNameStartingWith("BelowMinimum")
                .or()
                .haveSimpleNameStartingWith("LatestMovements")
                .or()
                .haveSimpleNameStartingWith("MovementLabels")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(STOCK_VIEWS);
    }
}

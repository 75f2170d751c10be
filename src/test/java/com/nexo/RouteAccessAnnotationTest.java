package com.nexo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page says who may open it, in exactly one way. Vaadin denies a route without an access
 * annotation, so a forgotten one shows up as a page nobody can open; two of them make the intent
 * unclear (Vaadin then applies a precedence few remember). Layouts count too: a layout the user may
 * not open blocks every page inside it.
 */
class RouteAccessAnnotationTest {

    private static final List<Class<? extends Annotation>> ACCESS_ANNOTATIONS =
            List.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.nexo");

    private static final DescribedPredicate<JavaClass> PAGES = DescribedPredicate.describe(
            "routes, route aliases, layouts and error views",
            page -> !page.getModifiers().contains(JavaModifier.ABSTRACT)
                    && (page.isAnnotatedWith(Route.class)
                            || page.isAnnotatedWith(RouteAlias.class)
                            || page.isAnnotatedWith(Layout.class)
                            || page.isAssignableTo(HasErrorParameter.class)));

    @Test
    void every_page_carries_exactly_one_access_annotation() {
        classes().that(PAGES).should(carryExactlyOneAccessAnnotation()).check(APPLICATION);
    }

    private static ArchCondition<JavaClass> carryExactlyOneAccessAnnotation() {
        return new ArchCondition<>("carry exactly one of @RolesAllowed, @PermitAll, @AnonymousAllowed, @DenyAll") {
            @Override
            public void check(JavaClass page, ConditionEvents events) {
                List<String> present = ACCESS_ANNOTATIONS.stream()
                        .filter(page::isAnnotatedWith)
                        .map(annotation -> "@" + annotation.getSimpleName())
                        .toList();
                boolean satisfied = present.size() == 1;
                String message = page.getName() + (present.isEmpty() ? " has no access annotation" : " has " + present);
                events.add(new SimpleConditionEvent(page, satisfied, message));
            }
        };
    }
}

package com.nexo.crm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesTargetServiceTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SalesTargetService targets;

    private ForecastFixtures f;

    @BeforeAll
    void aTenant() {
        f = new ForecastFixtures(context);
    }

    @Test
    void a_years_targets_are_twelve_months_saved_added_changed_and_removed_per_scope() {
        TargetScope scope = TargetScope.owner(f.own.id());
        List<MonthTarget> empty = f.as(f.manager, () -> targets.year(scope, 2031, "EUR"));
        assertThat(empty)
                .hasSize(12)
                .allSatisfy(month -> assertThat(month.amount()).isNull());

        f.as(
                f.manager,
                () -> targets.save(
                        scope,
                        "EUR",
                        List.of(
                                new MonthTarget(YearMonth.of(2031, 1), new BigDecimal("1000.00"), null),
                                new MonthTarget(YearMonth.of(2031, 2), new BigDecimal("2000"), null))));
        List<MonthTarget> saved = f.as(f.manager, () -> targets.year(scope, 2031, "EUR"));
        assertThat(saved.get(0).amount()).isEqualByComparingTo("1000");
        assertThat(saved.get(1).amount()).isEqualByComparingTo("2000");
        assertThat(saved.get(2).amount()).isNull();
        // The tenant's and the team's are other scopes.
        assertThat(f.as(f.manager, () -> targets.year(TargetScope.tenant(), 2031, "EUR")))
                .allSatisfy(month -> assertThat(month.amount()).isNull());

        f.as(
                f.manager,
                () -> targets.save(
                        scope,
                        "EUR",
                        List.of(
                                new MonthTarget(
                                        YearMonth.of(2031, 1),
                                        new BigDecimal("1500"),
                                        saved.get(0).version()),
                                new MonthTarget(
                                        YearMonth.of(2031, 2),
                                        null,
                                        saved.get(1).version()))));
        List<MonthTarget> changed = f.as(f.manager, () -> targets.year(scope, 2031, "EUR"));
        assertThat(changed.get(0).amount()).isEqualByComparingTo("1500");
        assertThat(changed.get(1).amount()).isNull();
    }

    @Test
    void saving_over_a_target_changed_meanwhile_is_refused_with_nothing_saved() {
        TargetScope scope = TargetScope.team(f.team);
        f.as(
                f.manager,
                () -> targets.save(
                        scope, "EUR", List.of(new MonthTarget(YearMonth.of(2032, 5), new BigDecimal("100"), null))));
        MonthTarget read =
                f.as(f.manager, () -> targets.year(scope, 2032, "EUR")).get(4);
        f.as(
                f.manager,
                () -> targets.save(
                        scope, "EUR", List.of(new MonthTarget(read.month(), new BigDecimal("200"), read.version()))));

        assertThatThrownBy(() -> f.as(
                        f.manager,
                        () -> targets.save(
                                scope,
                                "EUR",
                                List.of(
                                        new MonthTarget(YearMonth.of(2032, 6), new BigDecimal("50"), null),
                                        new MonthTarget(read.month(), new BigDecimal("300"), read.version())))))
                .isInstanceOf(ForecastRuleException.class)
                .hasMessage("crm.targets.changed");
        // A second new target of the same month is a change meanwhile too.
        assertThatThrownBy(() -> f.as(
                        f.manager,
                        () -> targets.save(
                                scope, "EUR", List.of(new MonthTarget(read.month(), new BigDecimal("300"), null)))))
                .isInstanceOf(ForecastRuleException.class);
        List<MonthTarget> after = f.as(f.manager, () -> targets.year(scope, 2032, "EUR"));
        assertThat(after.get(4).amount()).isEqualByComparingTo("200");
        assertThat(after.get(5).amount()).isNull();
    }

    @Test
    void a_negative_or_too_precise_target_is_refused() {
        TargetScope scope = TargetScope.tenant();
        for (String amount : List.of("-1", "10.001")) {
            assertThatThrownBy(() -> f.as(
                            f.manager,
                            () -> targets.save(
                                    scope,
                                    "EUR",
                                    List.of(new MonthTarget(YearMonth.of(2033, 1), new BigDecimal(amount), null)))))
                    .isInstanceOf(ForecastRuleException.class)
                    .hasMessage("crm.targets.amount");
        }
    }

    @Test
    void only_the_crm_settings_permission_sets_targets() {
        assertThatThrownBy(() -> f.as(
                        f.own,
                        () -> targets.save(
                                TargetScope.owner(f.own.id()),
                                "EUR",
                                List.of(new MonthTarget(YearMonth.of(2031, 3), BigDecimal.TEN, null)))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.as(f.outsider, () -> targets.year(TargetScope.tenant(), 2031, "EUR")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.as(f.own, targets::scopes)).isInstanceOf(AccessDeniedException.class);
    }
}

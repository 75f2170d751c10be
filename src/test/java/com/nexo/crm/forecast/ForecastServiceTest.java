package com.nexo.crm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.crm.forecast.Forecast.Figures;
import com.nexo.crm.forecast.Forecast.MonthFigures;
import com.nexo.crm.forecast.Forecast.OwnerFigures;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The forecast over real opportunities of a tenant of its own, as the application role, for users who
 * see their own, their team's and every record (the business clock is Madrid's).
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastServiceTest {

    private static final ForecastPeriod Q1 = new ForecastPeriod(YearMonth.of(2030, 1), YearMonth.of(2030, 3));
    private static final YearMonth JAN = YearMonth.of(2030, 1);
    private static final YearMonth FEB = YearMonth.of(2030, 2);
    private static final YearMonth MAR = YearMonth.of(2030, 3);

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ForecastService forecasts;

    private ForecastFixtures f;

    @BeforeAll
    void aQuarterOfOpportunities() {
        f = new ForecastFixtures(context);
        // Open, counted by the month of the expected close date.
        f.open(f.own, "1000.00", 40, LocalDate.of(2030, 1, 31));
        f.open(f.teamMate, "2000.00", 25, LocalDate.of(2030, 2, 1));
        f.open(null, "300.00", 50, LocalDate.of(2030, 3, 15));
        f.opportunity(
                f.otherPipeline, f.otherStage, f.manager, "500.00", "EUR", 10, LocalDate.of(2030, 3, 31), "OPEN", null);
        // Outside the period, in another currency, lost: never counted.
        f.open(f.own, "999.00", 90, LocalDate.of(2030, 4, 1));
        f.open(f.own, "999.00", 90, LocalDate.of(2029, 12, 31));
        f.opportunity(f.pipeline, f.stage, f.own, "5000.00", "USD", 50, LocalDate.of(2030, 1, 10), "OPEN", null);
        f.opportunity(
                f.pipeline,
                f.stage,
                f.own,
                "10000.00",
                "EUR",
                40,
                LocalDate.of(2030, 1, 10),
                "LOST",
                Instant.parse("2030-01-10T10:00:00Z"));
        // Won, counted by the month of closing on Madrid's calendar.
        f.won(f.own, "1500.00", Instant.parse("2030-01-31T23:30:00Z")); // 00:30 on 1 February in Madrid
        f.won(f.teamMate, "700.00", Instant.parse("2030-01-15T10:00:00Z"));
        f.won(f.manager, "800.00", Instant.parse("2029-12-31T22:59:59Z")); // 23:59:59 on 31 December in Madrid
        f.target(null, FEB, "3000.00");
        f.target(f.own, FEB, "1000.00");
        f.target(f.teamMate, JAN, "500.00");
        f.teamTarget(FEB, "2500.00");
    }

    private Forecast forecast(ForecastFixtures.User user, ForecastFilter filter) {
        return f.as(user, () -> forecasts.forecast(Q1, filter));
    }

    @Test
    void every_record_gives_expected_revenue_by_month_weighted_and_unweighted_and_won_against_the_tenants_target() {
        Forecast forecast = forecast(f.manager, ForecastFilter.everything());

        Map<YearMonth, Figures> months = byMonth(forecast);
        assertThat(months.keySet()).containsExactly(JAN, FEB, MAR);
        assertFigures(months.get(JAN), "1000.00", "400.00", 1, "700.00", 1, null, null);
        assertFigures(months.get(FEB), "2000.00", "500.00", 1, "1500.00", 1, "3000.00", 50);
        assertFigures(months.get(MAR), "800.00", "200.00", 2, "0.00", 0, null, null);
        assertFigures(forecast.total(), "3800.00", "1100.00", 4, "2200.00", 2, "3000.00", 73);
    }

    @Test
    void the_table_by_owner_has_each_salespersons_figures_and_own_target_and_the_unowned_ones() {
        Forecast forecast = forecast(f.manager, ForecastFilter.everything());

        Map<UUID, OwnerFigures> owners = forecast.owners().stream()
                .collect(Collectors.toMap(row -> row.ownerId() == null ? new UUID(0, 0) : row.ownerId(), row -> row));
        assertThat(owners).hasSize(4);
        assertThat(owners.get(f.own.id()).ownerName()).isEqualTo("Olga Propia");
        assertFigures(owners.get(f.own.id()).figures(), "1000.00", "400.00", 1, "1500.00", 1, "1000.00", 150);
        assertFigures(owners.get(f.teamMate.id()).figures(), "2000.00", "500.00", 1, "700.00", 1, "500.00", 140);
        assertFigures(owners.get(f.manager.id()).figures(), "500.00", "50.00", 1, "0.00", 0, null, null);
        assertFigures(owners.get(new UUID(0, 0)).figures(), "300.00", "150.00", 1, "0.00", 0, null, null);
        // Largest expected revenue first.
        assertThat(forecast.owners().getFirst().ownerId()).isEqualTo(f.teamMate.id());
    }

    @Test
    void a_salesperson_who_sees_its_own_records_gets_its_own_figures_against_its_own_target() {
        Forecast forecast = forecast(f.own, ForecastFilter.everything());

        Map<YearMonth, Figures> months = byMonth(forecast);
        assertFigures(months.get(JAN), "1000.00", "400.00", 1, "0.00", 0, null, null);
        assertFigures(months.get(FEB), "0.00", "0.00", 0, "1500.00", 1, "1000.00", 150);
        assertFigures(months.get(MAR), "0.00", "0.00", 0, "0.00", 0, null, null);
        assertThat(forecast.owners()).extracting(OwnerFigures::ownerId).containsExactly(f.own.id());
    }

    @Test
    void a_salesperson_who_sees_its_team_gets_the_teams_and_the_unowned_records() {
        Forecast forecast = forecast(f.teamMate, ForecastFilter.everything());

        Map<YearMonth, Figures> months = byMonth(forecast);
        assertFigures(months.get(JAN), "1000.00", "400.00", 1, "700.00", 1, "500.00", 140);
        assertFigures(months.get(FEB), "2000.00", "500.00", 1, "1500.00", 1, "1000.00", 150);
        assertFigures(months.get(MAR), "300.00", "150.00", 1, "0.00", 0, null, null);
        assertThat(forecast.owners())
                .extracting(OwnerFigures::ownerId)
                .containsExactlyInAnyOrder(f.own.id(), f.teamMate.id(), null);
    }

    @Test
    void filters_by_pipeline_owner_and_team_narrow_the_opportunities_and_choose_the_target() {
        Forecast pipeline = forecast(f.manager, new ForecastFilter(f.otherPipeline, null, null, "EUR"));
        assertFigures(pipeline.total(), "500.00", "50.00", 1, "0.00", 0, "3000.00", 0);

        Forecast owner = forecast(f.manager, new ForecastFilter(null, f.own.id(), null, "EUR"));
        assertFigures(owner.total(), "1000.00", "400.00", 1, "1500.00", 1, "1000.00", 150);

        Forecast team = forecast(f.manager, new ForecastFilter(null, null, f.team, "EUR"));
        assertFigures(byMonth(team).get(FEB), "2000.00", "500.00", 1, "1500.00", 1, "2500.00", 60);
        assertFigures(team.total(), "3000.00", "900.00", 2, "2200.00", 2, "2500.00", 88);

        Forecast dollars = forecast(f.manager, new ForecastFilter(null, null, null, "USD"));
        assertFigures(dollars.total(), "5000.00", "2500.00", 1, "0.00", 0, null, null);
    }

    @Test
    void the_filters_offer_the_tenants_pipelines_teams_and_the_salespeople_the_user_sees() {
        ForecastChoices all = f.as(f.manager, forecasts::choices);
        assertThat(all.pipelines()).extracting(ForecastChoices.Choice::id).containsExactly(f.pipeline, f.otherPipeline);
        assertThat(all.teams()).extracting(ForecastChoices.Choice::id).containsExactly(f.team);
        assertThat(all.owners())
                .extracting(ForecastChoices.Choice::id)
                .contains(f.own.id(), f.teamMate.id(), f.manager.id());

        ForecastChoices own = f.as(f.own, forecasts::choices);
        assertThat(own.owners()).extracting(ForecastChoices.Choice::id).containsExactly(f.own.id());
    }

    @Test
    void a_user_without_the_forecast_permission_is_refused() {
        assertThatThrownBy(() -> forecast(f.outsider, ForecastFilter.everything()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.as(f.outsider, forecasts::choices)).isInstanceOf(AccessDeniedException.class);
    }

    private static Map<YearMonth, Figures> byMonth(Forecast forecast) {
        return forecast.months().stream()
                .collect(Collectors.toMap(
                        MonthFigures::month, MonthFigures::figures, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static void assertFigures(
            Figures figures,
            String pipeline,
            String weighted,
            long open,
            String won,
            long wonCount,
            String target,
            Integer percent) {
        assertThat(figures.pipeline()).isEqualTo(new BigDecimal(pipeline));
        assertThat(figures.weighted()).isEqualTo(new BigDecimal(weighted));
        assertThat(figures.openCount()).isEqualTo(open);
        assertThat(figures.won()).isEqualTo(new BigDecimal(won));
        assertThat(figures.wonCount()).isEqualTo(wonCount);
        assertThat(figures.target()).isEqualTo(target == null ? null : new BigDecimal(target));
        assertThat(figures.wonPercent()).isEqualTo(percent);
    }
}

package com.nexo.crm.forecast.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.base.ui.Format;
import com.nexo.crm.forecast.ForecastFixtures;
import com.nexo.crm.forecast.MonthTarget;
import com.nexo.crm.forecast.SalesTargetService;
import com.nexo.crm.forecast.TargetScope;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ForecastViewTest extends KaribuTest {

    @Autowired
    private Clock clock;

    @Autowired
    private SalesTargetService targets;

    private ForecastFixtures f;
    private YearMonth nextMonth;

    @BeforeEach
    void opportunitiesClosingNextMonth() {
        f = new ForecastFixtures(context);
        LocalDate today = LocalDate.now(clock);
        nextMonth = YearMonth.from(today).plusMonths(1);
        f.open(f.own, "1000.00", 40, nextMonth.atDay(10));
        f.open(f.teamMate, "3000.00", 50, nextMonth.atEndOfMonth());
        f.target(null, nextMonth, "5000.00");
    }

    @Test
    void the_forecast_shows_the_services_figures_in_charts_and_tables() {
        login(f.manager.email());
        UI.getCurrent().navigate(ForecastView.class);

        ForecastView view = _get(ForecastView.class);
        assertThat(view.shown().total().weighted()).isEqualByComparingTo("1900");
        assertThat(view.totals.getText()).contains(money("4000"), money("1900"), money("5000"));
        // Six months, every one present; next month's row with its figures.
        assertThat(GridKt._size(view.monthGrid)).isEqualTo(6);
        assertThat(GridKt._getFormattedRow(view.monthGrid, 1))
                .contains(money("4000"), money("1900"), money("5000"), "0 %");
        assertThat(GridKt._size(view.ownerGrid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(view.ownerGrid, 0)).contains("Teo Equipo", money("1500"));
        // The charts get the same numbers, as data for ECharts.
        assertThat(view.expected.option())
                .contains("\"type\":\"bar\"")
                .contains("1900.00")
                .contains("Ganado");
        assertThat(view.againstTarget.option()).contains("5000.00");
    }

    private static String money(String amount) {
        return Format.money(new BigDecimal(amount), "EUR");
    }

    @Test
    void a_salesperson_who_sees_its_own_records_sees_only_its_own_figures() {
        login(f.own.email());
        UI.getCurrent().navigate(ForecastView.class);

        ForecastView view = _get(ForecastView.class);
        assertThat(view.shown().total().pipeline()).isEqualByComparingTo("1000");
        assertThat(GridKt._size(view.ownerGrid)).isEqualTo(1);
    }

    @Test
    void a_user_without_the_forecast_permission_is_refused_the_forecast_and_the_targets() {
        login(f.outsider.email());
        assertThatThrownBy(() -> UI.getCurrent().navigate(ForecastView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        login(f.own.email());
        assertThatThrownBy(() -> UI.getCurrent().navigate(SalesTargetsView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_targets_page_saves_the_months_typed_for_the_chosen_scope() {
        login(f.manager.email());
        UI.getCurrent().navigate(SalesTargetsView.class);
        SalesTargetsView view = _get(SalesTargetsView.class);
        view.scope.setValue(view.scope
                .getListDataView()
                .getItems()
                .filter(scope -> f.own.id().equals(scope.scope().id()))
                .findFirst()
                .orElseThrow());
        view.year.setValue(LocalDate.now(clock).getYear() + 1);
        view.fields.get(2).setValue(new BigDecimal("750.50"));
        view.save();

        List<MonthTarget> saved = f.as(
                f.manager,
                () -> targets.year(
                        TargetScope.owner(f.own.id()), LocalDate.now(clock).getYear() + 1, "EUR"));
        assertThat(saved.get(2).amount()).isEqualByComparingTo("750.50");
        assertThat(saved.get(3).amount()).isNull();
    }
}

package com.nexo.crm.forecast.ui;

import com.nexo.base.format.Formats;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.forecast.Forecast;
import com.nexo.crm.forecast.Forecast.Figures;
import com.nexo.crm.forecast.Forecast.MonthFigures;
import com.nexo.crm.forecast.Forecast.OwnerFigures;
import com.nexo.crm.forecast.ForecastChoices;
import com.nexo.crm.forecast.ForecastFilter;
import com.nexo.crm.forecast.ForecastPeriod;
import com.nexo.crm.forecast.ForecastService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The forecast: for a period and filters, a bar chart of the expected revenue by month (the weighted
 * open pipeline stacked on what was won), a chart of won against target, and the same figures in two
 * tables (by month and by owner) that read without the charts.
 */
@Route("crm/forecast")
@RolesAllowed(CrmPermissions.FORECAST)
@Menu(title = "menu.crm-forecast", order = 15.4, icon = "vaadin:chart")
public class ForecastView extends Main implements HasDynamicTitle {

    /** Below this window width the tables leave out the open count and the unweighted pipeline. */
    private static final int NARROW = 1000;

    private final transient ForecastService forecasts;
    private final Select<ForecastPeriod.Choice> period = new Select<>();
    private final ComboBox<ForecastChoices.Choice> pipeline = new ComboBox<>();
    private final ComboBox<ForecastChoices.Choice> owner = new ComboBox<>();
    private final ComboBox<ForecastChoices.Choice> team = new ComboBox<>();
    final EChart expected = new EChart("crm-forecast-expected");
    final EChart againstTarget = new EChart("crm-forecast-target");
    final Span totals = new Span();
    final Grid<MonthFigures> monthGrid = new Grid<>();
    final Grid<OwnerFigures> ownerGrid = new Grid<>();
    private Forecast shown;

    public ForecastView(ForecastService forecasts) {
        this.forecasts = forecasts;
        addClassNames("list-view", "crm-forecast");

        period.setLabel(getTranslation("crm.forecast.period"));
        period.setItems(ForecastPeriod.Choice.values());
        period.setItemLabelGenerator(this::periodLabel);
        period.setValue(ForecastPeriod.Choice.NEXT_SIX_MONTHS);
        ForecastChoices choices = forecasts.choices();
        configure(pipeline, getTranslation("crm.forecast.pipeline"), choices.pipelines());
        configure(owner, getTranslation("crm.forecast.owner"), choices.owners());
        configure(team, getTranslation("crm.forecast.team"), choices.teams());
        period.addValueChangeListener(event -> refresh());

        Div toolbar = new Div(period, pipeline, owner, team);
        toolbar.addClassName("list-toolbar");
        totals.addClassName("crm-forecast-totals");
        configureMonthGrid();
        configureOwnerGrid();
        add(
                new H2(getTranslation("crm.forecast.title")),
                toolbar,
                totals,
                new H3(getTranslation("crm.forecast.expected-chart")),
                expected,
                new H3(getTranslation("crm.forecast.target-chart")),
                againstTarget,
                new H3(getTranslation("crm.forecast.by-month")),
                monthGrid,
                new H3(getTranslation("crm.forecast.by-owner")),
                ownerGrid);
        if (CurrentUser.can(CrmPermissions.SETTINGS)) {
            Anchor targets = new Anchor("crm/settings/targets", getTranslation("crm.forecast.edit-targets"));
            targets.addClassName("crm-forecast-targets-link");
            toolbar.add(targets);
        }
        refresh();
    }

    private void configure(ComboBox<ForecastChoices.Choice> box, String label, List<ForecastChoices.Choice> items) {
        box.setLabel(label);
        box.setPlaceholder(getTranslation("crm.forecast.all"));
        box.setClearButtonVisible(true);
        box.setItems(items);
        box.setItemLabelGenerator(ForecastChoices.Choice::name);
        box.addValueChangeListener(event -> refresh());
    }

    private void configureMonthGrid() {
        monthGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        monthGrid.setAllRowsVisible(true);
        monthGrid
                .addColumn(row -> monthLabel(row.month(), false))
                .setHeader(getTranslation("crm.forecast.month"))
                .setAutoWidth(true);
        figureColumns(monthGrid, MonthFigures::figures);
    }

    private void configureOwnerGrid() {
        ownerGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        ownerGrid.setAllRowsVisible(true);
        ownerGrid
                .addColumn(row -> row.ownerId() == null ? getTranslation("crm.forecast.unowned") : row.ownerName())
                .setHeader(getTranslation("crm.forecast.owner"))
                .setAutoWidth(true)
                .setFlexGrow(1);
        figureColumns(ownerGrid, OwnerFigures::figures);
    }

    private <T> void figureColumns(Grid<T> grid, Function<T, Figures> figures) {
        Grid.Column<T> open = grid.addColumn(
                        row -> Format.integer(figures.apply(row).openCount()))
                .setHeader(getTranslation("crm.forecast.open-count"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        Grid.Column<T> pipelineAmount = grid.addColumn(
                        row -> money(figures.apply(row).pipeline()))
                .setHeader(getTranslation("crm.forecast.pipeline-amount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(row -> money(figures.apply(row).weighted()))
                .setHeader(getTranslation("crm.forecast.weighted"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(row -> money(figures.apply(row).won()))
                .setHeader(getTranslation("crm.forecast.won"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(row -> {
                    BigDecimal target = figures.apply(row).target();
                    return target == null ? "" : money(target);
                })
                .setHeader(getTranslation("crm.forecast.target"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(row -> percent(figures.apply(row).wonPercent()))
                .setHeader(getTranslation("crm.forecast.won-percent"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        // A tablet held upright keeps the expected, won and target columns in view.
        NarrowScreens.hideColumnsBelow(grid, NARROW, List.of(open, pipelineAmount));
    }

    /** Reads the forecast for the filters and shows it: totals, charts, tables. */
    void refresh() {
        ForecastPeriod chosen =
                forecasts.period(period.getValue() == null ? ForecastPeriod.Choice.NEXT_SIX_MONTHS : period.getValue());
        ForecastFilter filter = new ForecastFilter(idOf(pipeline), idOf(owner), idOf(team), null);
        shown = forecasts.forecast(chosen, filter);
        Figures total = shown.total();
        totals.setText(getTranslation(
                "crm.forecast.totals",
                money(total.pipeline()),
                money(total.weighted()),
                money(total.won()),
                total.target() == null
                        ? getTranslation("crm.forecast.no-target")
                        : money(total.target()) + " (" + percent(total.wonPercent()) + ")"));
        monthGrid.setItems(shown.months());
        ownerGrid.setItems(shown.owners());
        expected.draw(expectedOption());
        againstTarget.draw(targetOption());
    }

    private String periodLabel(ForecastPeriod.Choice choice) {
        return switch (choice) {
            case THIS_QUARTER -> getTranslation("crm.forecast.period.this-quarter");
            case NEXT_QUARTER -> getTranslation("crm.forecast.period.next-quarter");
            case NEXT_SIX_MONTHS -> getTranslation("crm.forecast.period.next-six-months");
            case THIS_YEAR -> getTranslation("crm.forecast.period.this-year");
            case NEXT_TWELVE_MONTHS -> getTranslation("crm.forecast.period.next-twelve-months");
        };
    }

    Forecast shown() {
        return shown;
    }

    private String expectedOption() {
        List<String> months =
                shown.months().stream().map(m -> monthLabel(m.month(), true)).toList();
        List<BigDecimal> weighted = column(MonthFigures::figures, Figures::weighted);
        List<BigDecimal> won = column(MonthFigures::figures, Figures::won);
        List<BigDecimal> pipelineAmounts = column(MonthFigures::figures, Figures::pipeline);
        return "{\"tooltip\":{\"trigger\":\"axis\"},\"legend\":{\"bottom\":0},"
                + "\"grid\":{\"left\":8,\"right\":8,\"top\":16,\"bottom\":40,\"containLabel\":true},"
                + "\"xAxis\":{\"type\":\"category\",\"data\":" + ChartJson.strings(months) + "},"
                + "\"yAxis\":{\"type\":\"value\"},\"series\":["
                + series("bar", "crm.forecast.won", won, "\"stack\":\"expected\",\"color\":\"#2e7d32\"")
                + "," + series("bar", "crm.forecast.weighted", weighted, "\"stack\":\"expected\",\"color\":\"#1676f3\"")
                + "," + series("line", "crm.forecast.pipeline-amount", pipelineAmounts, "\"color\":\"#9e9e9e\"")
                + "]}";
    }

    private String targetOption() {
        List<String> months =
                shown.months().stream().map(m -> monthLabel(m.month(), true)).toList();
        List<BigDecimal> won = column(MonthFigures::figures, Figures::won);
        List<BigDecimal> target = column(MonthFigures::figures, Figures::target);
        return "{\"tooltip\":{\"trigger\":\"axis\"},\"legend\":{\"bottom\":0},"
                + "\"grid\":{\"left\":8,\"right\":8,\"top\":16,\"bottom\":40,\"containLabel\":true},"
                + "\"xAxis\":{\"type\":\"category\",\"data\":" + ChartJson.strings(months) + "},"
                + "\"yAxis\":{\"type\":\"value\"},\"series\":["
                + series("bar", "crm.forecast.won", won, "\"color\":\"#2e7d32\"")
                + "," + series("line", "crm.forecast.target", target, "\"color\":\"#e65100\",\"step\":\"middle\"")
                + "]}";
    }

    private String series(String type, String nameKey, List<BigDecimal> data, String extra) {
        return "{\"type\":\"" + type + "\",\"name\":" + ChartJson.string(getTranslation(nameKey)) + ",\"data\":"
                + ChartJson.numbers(data) + "," + extra + "}";
    }

    private List<BigDecimal> column(Function<MonthFigures, Figures> figures, Function<Figures, BigDecimal> value) {
        return shown.months().stream().map(figures).map(value).toList();
    }

    private String monthLabel(YearMonth month, boolean shortName) {
        Formats formats = Format.current();
        if (shortName) {
            return month.getMonth().getDisplayName(TextStyle.SHORT, formats.locale()) + " "
                    + DateTimeFormatter.ofPattern("yy").format(month);
        }
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, formats.locale()) + " " + month.getYear();
    }

    private String money(BigDecimal amount) {
        return Format.money(amount, shown.filter().currency());
    }

    private static String percent(Integer percent) {
        return percent == null ? "" : Format.integer(percent) + " %";
    }

    private static UUID idOf(ComboBox<ForecastChoices.Choice> box) {
        return box.getValue() == null ? null : box.getValue().id();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.forecast.title");
    }
}

package com.nexo.crm.forecast.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.forecast.ForecastChoices;
import com.nexo.crm.forecast.ForecastFilter;
import com.nexo.crm.forecast.ForecastRuleException;
import com.nexo.crm.forecast.MonthTarget;
import com.nexo.crm.forecast.SalesTargetService;
import com.nexo.crm.forecast.TargetScope;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Sales targets (CRM settings): the twelve monthly targets of one year for the whole tenant, one
 * salesperson or one team, saved together; only the months changed are written.
 */
@Route("crm/settings/targets")
@RolesAllowed(CrmPermissions.SETTINGS)
public class SalesTargetsView extends Main implements HasDynamicTitle {

    /** Whose targets: the whole tenant, or a salesperson or team of the choices. */
    record Scope(TargetScope scope, String label) {}

    private final transient SalesTargetService targets;
    final ComboBox<Scope> scope = new ComboBox<>();
    final Select<Integer> year = new Select<>();
    final List<BigDecimalField> fields = new ArrayList<>();
    final Button save = new Button();
    private List<MonthTarget> loaded = List.of();

    public SalesTargetsView(SalesTargetService targets) {
        this.targets = targets;
        addClassNames("list-view", "crm-targets");
        ForecastChoices choices = targets.scopes();
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(TargetScope.tenant(), getTranslation("crm.targets.whole-tenant")));
        choices.owners()
                .forEach(owner -> scopes.add(
                        new Scope(TargetScope.owner(owner.id()), getTranslation("crm.targets.owner", owner.name()))));
        choices.teams()
                .forEach(team -> scopes.add(
                        new Scope(TargetScope.team(team.id()), getTranslation("crm.targets.team", team.name()))));
        scope.setLabel(getTranslation("crm.targets.scope"));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(Scope::label);
        scope.setValue(scopes.getFirst());
        scope.addValueChangeListener(event -> load());

        int thisYear = LocalDate.now(Format.zone(UI.getCurrent())).getYear();
        year.setLabel(getTranslation("crm.targets.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 1, thisYear + 1).boxed().toList());
        year.setValue(thisYear);
        year.addValueChangeListener(event -> load());

        Div months = new Div();
        months.addClassName("crm-targets-months");
        months.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(11rem, 1fr))")
                .set("gap", "0 var(--lumo-space-m)");
        for (int m = 1; m <= 12; m++) {
            BigDecimalField field =
                    new BigDecimalField(java.time.Month.of(m).getDisplayName(TextStyle.FULL_STANDALONE, getLocale()));
            field.setSuffixComponent(new com.vaadin.flow.component.html.Span(ForecastFilter.DEFAULT_CURRENCY));
            field.setClearButtonVisible(true);
            fields.add(field);
            months.add(field);
        }
        save.setText(getTranslation("crm.targets.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());

        Div toolbar = new Div(scope, year);
        toolbar.addClassName("list-toolbar");
        Anchor forecast = new Anchor("crm/forecast", getTranslation("crm.targets.to-forecast"));
        add(
                new H2(getTranslation("crm.targets.title")),
                new Paragraph(getTranslation("crm.targets.help")),
                toolbar,
                months,
                new Div(save, forecast));
        load();
    }

    private void load() {
        if (scope.getValue() == null || year.getValue() == null) {
            return;
        }
        loaded = targets.year(scope.getValue().scope(), year.getValue(), ForecastFilter.DEFAULT_CURRENCY);
        for (int i = 0; i < 12; i++) {
            fields.get(i).setValue(loaded.get(i).amount());
        }
    }

    void save() {
        List<MonthTarget> changed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            MonthTarget before = loaded.get(i);
            BigDecimal now = fields.get(i).getValue();
            if (!sameAmount(before.amount(), now)) {
                changed.add(new MonthTarget(before.month(), now, before.version()));
            }
        }
        try {
            targets.save(scope.getValue().scope(), ForecastFilter.DEFAULT_CURRENCY, changed);
            Notices.success(getTranslation("crm.targets.saved"));
            load();
        } catch (ForecastRuleException refused) {
            Notices.error(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.targets.title");
    }
}

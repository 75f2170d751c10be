package com.nexo.purchasing.ui;

import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.Notices;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tenant's purchasing settings ({@code purchasing/settings}): the amount above which an order
 * needs approval (empty: never) and the price tolerance of the three-way match, in percent. Wrong
 * values are shown on their field, translated; a save over someone else's newer settings is
 * explained with a button to load them.
 */
@Route(PurchaseSettingsView.ROUTE)
@RolesAllowed(PurchasingPermissions.SETTINGS)
@Menu(title = "menu.purchasing-settings", order = 40.9, icon = "vaadin:cog-o")
public class PurchaseSettingsView extends Main implements HasDynamicTitle {

    static final String ROUTE = "purchasing/settings";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final transient PurchaseSettingsService service;
    private PurchaseSettings shown;

    final BigDecimalField threshold = new BigDecimalField();
    final BigDecimalField tolerance = new BigDecimalField();
    final Button save = new Button();
    final ConflictNotice conflict = new ConflictNotice();

    PurchaseSettingsView(PurchaseSettingsService service) {
        this.service = service;
        addClassNames("settings-view", "purchase-settings");
        H2 title = new H2(getTranslation("purchasing.settings.title"));
        Paragraph intro = new Paragraph(getTranslation("purchasing.settings.intro"));
        intro.addClassName("form-note");

        threshold.setLabel(getTranslation("purchasing.settings.threshold"));
        threshold.setHelperText(getTranslation("purchasing.settings.threshold-help"));
        threshold.setClearButtonVisible(true);
        threshold.setWidth("min(20rem, 100%)");
        tolerance.setLabel(getTranslation("purchasing.settings.tolerance"));
        tolerance.setHelperText(getTranslation("purchasing.settings.tolerance-help"));
        tolerance.setSuffixComponent(new Span("%"));
        tolerance.setRequiredIndicatorVisible(true);
        tolerance.setWidth("min(20rem, 100%)");

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("action-save");
        save.addClickListener(click -> save());
        Div form = new Div(threshold, tolerance);
        form.addClassName("settings-form");
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m)");
        add(title, intro, conflict, form, save);
        load();
    }

    private void load() {
        shown = service.settings();
        conflict.hide();
        threshold.setValue(shown.approvalThreshold());
        tolerance.setValue(shown.priceTolerance());
        threshold.setInvalid(false);
        tolerance.setInvalid(false);
    }

    private void save() {
        threshold.setInvalid(false);
        tolerance.setInvalid(false);
        BigDecimal amount = threshold.getValue();
        BigDecimal percent = tolerance.getValue();
        // Checked here too, so every wrong value is shown at once and before the round trip.
        boolean wrong = false;
        if (amount != null && amount.signum() < 0) {
            invalid(threshold, "purchasing.rule.threshold-range");
            wrong = true;
        }
        if (percent == null) {
            String requiredKey = "purchasing.settings.tolerance-required";
            invalid(tolerance, requiredKey);
            wrong = true;
        } else if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            invalid(tolerance, "purchasing.rule.tolerance-range");
            wrong = true;
        }
        if (wrong) {
            return;
        }
        try {
            shown = service.save(new PurchaseSettings(amount, percent, shown.version()));
            Notices.success(getTranslation("purchasing.settings.saved"));
        } catch (PurchasingRuleException refusal) {
            if ("approvalThreshold".equals(refusal.field())) {
                invalid(threshold, refusal.messageKey());
            } else if ("priceTolerance".equals(refusal.field())) {
                invalid(tolerance, refusal.messageKey());
            } else {
                Notices.error(PurchaseTexts.refusal(this, refusal));
                if (PurchaseTexts.changedMeanwhile(refusal)) {
                    conflict.show(List.of(), null, this::load);
                    conflict.focusReload();
                }
            }
        }
    }

    private void invalid(BigDecimalField field, String key) {
        field.setInvalid(true);
        field.setErrorMessage(getTranslation(key));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("purchasing.settings.title");
    }
}

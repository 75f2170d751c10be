package com.nexo.sales.portal.ui;

import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.portal.SalesSettings;
import com.nexo.sales.portal.SalesSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The tenant's sales settings for clients' answers in the portal: whether an accepted quote becomes
 * an order at once, and the address the sales team is told at (blank: the company's). Someone else's
 * save in between is refused and explained, with a button to load what they saved.
 */
@Route("sales/settings")
@RolesAllowed(SalesPermissions.SETTINGS)
@Menu(title = "portal.client.settings.title", order = 39, icon = "vaadin:cog-o")
public class SalesSettingsView extends Main implements HasDynamicTitle {

    private final transient SalesSettingsService service;
    private SalesSettings loaded;

    final Checkbox toOrder = new Checkbox();
    final TextField notifyEmail = new TextField();
    final Button save = new Button();
    final Paragraph problem = new Paragraph();
    final Button reload = new Button();

    SalesSettingsView(SalesSettingsService service) {
        this.service = service;
        addClassNames("form-view", "sales-settings");
        toOrder.setLabel(getTranslation("portal.client.settings.to-order"));
        notifyEmail.setLabel(getTranslation("portal.client.settings.notify-email"));
        notifyEmail.setHelperText(getTranslation("portal.client.settings.notify-email-help"));
        notifyEmail.setMaxLength(SalesSettingsService.MAX_EMAIL);
        notifyEmail.setWidthFull();
        save.setText(getTranslation("portal.client.settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        problem.addClassName("form-problem");
        problem.setVisible(false);
        reload.setText(getTranslation("conflict.reload"));
        reload.setVisible(false);
        reload.addClickListener(click -> load());
        add(new H2(getTranslation("portal.client.settings.title")), problem, reload, toOrder, notifyEmail, save);
        load();
    }

    private void load() {
        show(service.settings());
        problem.setVisible(false);
        reload.setVisible(false);
    }

    private void show(SalesSettings settings) {
        loaded = settings;
        toOrder.setValue(settings.acceptedQuoteToOrder());
        notifyEmail.setValue(settings.notifyEmail() == null ? "" : settings.notifyEmail());
    }

    private void save() {
        try {
            show(service.save(new SalesSettings(toOrder.getValue(), notifyEmail.getValue(), loaded.version())));
            problem.setVisible(false);
            reload.setVisible(false);
            Notices.success(getTranslation("portal.client.settings.saved"));
        } catch (SalesRuleException refused) {
            problem.setText(getTranslation(refused.messageKey(), refused.arguments()));
            problem.setVisible(true);
            reload.setVisible("portal.client.settings.conflict".equals(refused.messageKey()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.client.settings.title");
    }
}

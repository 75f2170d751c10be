package com.nexo.crm.webforms.ui;

import com.nexo.base.RuleException;
import com.nexo.base.mail.PublicLinks;
import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.webforms.WebForm;
import com.nexo.crm.webforms.WebFormForm;
import com.nexo.crm.webforms.WebFormService;
import com.nexo.crm.webforms.WebFormSnippet;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;

/**
 * The tenant's web-to-lead forms: each with its public address, whether it takes posts, its default
 * owner and thank-you page, and the HTML snippet to paste into the web site. Forms are added and
 * changed in a dialog.
 */
@Route("crm/settings/web-forms")
@RolesAllowed(CrmPermissions.SETTINGS)
public class WebFormsView extends Main implements HasDynamicTitle {

    private final transient WebFormService forms;
    private final transient PublicLinks links;
    final Div list = new Div();
    final Button create;

    public WebFormsView(WebFormService forms, PublicLinks links) {
        this.forms = forms;
        this.links = links;
        addClassNames("crm-web-forms", "list-view");
        create = new Button(getTranslation("crm.webforms.new"), click -> openDialog(new WebFormForm()));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor back = new Anchor("crm/settings", getTranslation("crm.webforms.back"));
        back.addClassName("detail-back");
        Div toolbar = new Div(create);
        toolbar.addClassName("list-toolbar");
        add(
                back,
                new H2(getTranslation("crm.webforms.title")),
                new Paragraph(getTranslation("crm.webforms.intro")),
                toolbar,
                list);
        refresh();
    }

    void refresh() {
        list.removeAll();
        List<WebForm> all = forms.list();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("crm.webforms.empty")));
        }
        String base = baseUrl();
        WebFormSnippet.Labels labels = new WebFormSnippet.Labels(
                getTranslation("crm.webforms.snippet.name"),
                getTranslation("crm.webforms.snippet.company"),
                getTranslation("crm.webforms.snippet.email"),
                getTranslation("crm.webforms.snippet.phone"),
                getTranslation("crm.webforms.snippet.message"),
                getTranslation("crm.webforms.snippet.send"),
                getTranslation("crm.webforms.snippet.honeypot"));
        for (WebForm form : all) {
            Span state = new Span(
                    form.enabled() ? getTranslation("crm.webforms.enabled") : getTranslation("crm.webforms.disabled"));
            state.getElement().setAttribute("theme", form.enabled() ? "badge success small" : "badge contrast small");
            Button edit = new Button(getTranslation("crm.webforms.edit"), click -> openDialog(WebFormForm.of(form)));
            Div head = new Div(new H3(form.name()), state, edit);
            head.addClassName("crm-web-form-head");
            Span address = new Span(getTranslation("crm.webforms.address", base + form.path()));
            Pre snippet = new Pre(WebFormSnippet.html(form, base, labels));
            snippet.addClassName("crm-web-form-snippet");
            snippet.getStyle()
                    .set("white-space", "pre-wrap")
                    .set("overflow-x", "auto")
                    .set("max-width", "100%");
            Div card = new Div(head, address, new Paragraph(getTranslation("crm.webforms.snippet")), snippet);
            card.addClassName("crm-web-form");
            list.add(card);
        }
    }

    /** The installation's public address ({@code NEXO_PUBLIC_ADDRESS}), without the trailing slash. */
    private String baseUrl() {
        String root = links.to("");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** The dialog adding or changing a form. */
    Dialog openDialog(WebFormForm values) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(
                values.getId() == null ? getTranslation("crm.webforms.new") : getTranslation("crm.webforms.edit"));
        TextField name = new TextField(getTranslation("crm.webforms.name"));
        TextField detail = new TextField(getTranslation("crm.webforms.source-detail"));
        TextField thankYou = new TextField(getTranslation("crm.webforms.thank-you"));
        thankYou.setHelperText(getTranslation("crm.webforms.thank-you-help"));
        ComboBox<UserDirectory.UserName> owner = new ComboBox<>(getTranslation("crm.webforms.owner"));
        owner.setHelperText(getTranslation("crm.webforms.owner-help"));
        owner.setClearButtonVisible(true);
        List<UserDirectory.UserName> owners = forms.owners();
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserDirectory.UserName::displayName);
        owner.setValue(owners.stream()
                .filter(user -> Objects.equals(user.id(), values.getOwnerId()))
                .findFirst()
                .orElse(null));
        Checkbox enabled = new Checkbox(getTranslation("crm.webforms.enabled-field"));
        BeanValidationBinder<WebFormForm> binder = new BeanValidationBinder<>(WebFormForm.class);
        binder.forField(name).bind("name");
        binder.forField(detail).bind("sourceDetail");
        binder.forField(thankYou).bind("thankYouUrl");
        binder.forField(enabled).bind("enabled");
        binder.readBean(values);
        dialog.add(new FormLayout(name, detail, owner, thankYou, enabled));
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                binder.writeBean(values);
            } catch (ValidationException e) {
                return;
            }
            values.setOwnerId(owner.getValue() == null ? null : owner.getValue().id());
            try {
                if (values.getId() == null) {
                    forms.create(values);
                } else {
                    forms.update(values);
                }
            } catch (RuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                return;
            }
            dialog.close();
            Notices.success(getTranslation("crm.webforms.saved"));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.webforms.title");
    }
}

package com.nexo.support.ui;

import com.nexo.base.ui.Notices;
import com.nexo.security.Roles;
import com.nexo.support.RequestCategory;
import com.nexo.support.SupportRuleException;
import com.nexo.support.requests.NewRequest;
import com.nexo.support.requests.PortalRequests;
import com.nexo.support.requests.RequestRoutes;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * A portal actor (client, supplier or professional) opens a request: subject, what it is about (the
 * categories offered to its kind of portal), its text and up to five files.
 */
@Route(RequestRoutes.PORTAL + "/new")
@RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
public class NewPortalRequestView extends Main implements HasDynamicTitle {

    private final transient PortalRequests requests;
    final TextField subject = new TextField();
    final Select<RequestCategory> category = new Select<>();
    final TextArea text = new TextArea();
    final AttachmentPicker files = new AttachmentPicker();
    final Button send = new Button();

    public NewPortalRequestView(PortalRequests requests) {
        this.requests = requests;
        addClassNames("form-view", "support-new-request");
        subject.setLabel(getTranslation("support.form.subject"));
        subject.setMaxLength(200);
        subject.setRequiredIndicatorVisible(true);
        category.setLabel(getTranslation("support.form.category"));
        List<RequestCategory> offered = requests.categories();
        category.setItems(offered);
        category.setItemLabelGenerator(value -> SupportLabels.category(this, value));
        category.setValue(offered.getFirst());
        text.setLabel(getTranslation("support.form.text"));
        text.setRequiredIndicatorVisible(true);
        text.setMinRows(5);
        send.setText(getTranslation("support.form.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> send());
        Button cancel = new Button(getTranslation("action.cancel"), click -> back());

        FormLayout form = new FormLayout(subject, category, text);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Div actions = new Div(send, cancel);
        actions.addClassName("form-actions");
        add(form, files, actions);
    }

    private void send() {
        subject.setInvalid(false);
        text.setInvalid(false);
        try {
            UUID id = requests.open(
                    new NewRequest(subject.getValue(), category.getValue(), text.getValue()), files.files());
            files.clear();
            Notices.success(getTranslation("support.form.opened"));
            getUI().ifPresent(ui -> ui.navigate(PortalRequestView.class, new RouteParameters("id", id.toString())));
        } catch (SupportRuleException refusal) {
            String message = SupportLabels.refusal(this, refusal);
            HasValidation field = switch (refusal.field() == null ? "" : refusal.field()) {
                case "subject" -> subject;
                case "category" -> category;
                case "text" -> text;
                default -> null;
            };
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                Notices.error(message);
            }
        }
    }

    private void back() {
        files.clear();
        getUI().ifPresent(ui -> ui.navigate(PortalRequestListView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.form.title");
    }
}

package com.nexo.crm.leads.ui;

import com.nexo.base.ui.Notices;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadSource;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new lead, or the values of one: person and company, how to reach them, source, interest, region,
 * tags and owner. An edit saves only over the version it loaded; a refusal is shown on its field.
 */
class LeadDialog extends Dialog {

    private final transient LeadService leads;
    private final transient Consumer<UUID> onSaved;
    private final LeadForm loaded;

    final TextField personName = new TextField();
    final TextField companyName = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final TextField taxId = new TextField();
    final Select<LeadSource> source = new Select<>();
    final TextField sourceDetail = new TextField();
    final TextField region = new TextField();
    final TextField tags = new TextField();
    final ComboBox<UserDirectory.UserName> owner = new ComboBox<>();
    final TextArea interest = new TextArea();
    final Button save;
    private final BeanValidationBinder<LeadForm> binder = new BeanValidationBinder<>(LeadForm.class);

    /** {@code onSaved} gets the lead's id after a save. */
    LeadDialog(LeadService leads, LeadForm form, Consumer<UUID> onSaved) {
        this.leads = leads;
        this.loaded = form;
        this.onSaved = onSaved;
        addClassName("crm-lead-dialog");
        setHeaderTitle(
                form.getId() == null
                        ? getTranslation("crm.leads.form.new-title")
                        : getTranslation("crm.leads.form.edit-title"));
        setWidth("44rem");
        setMaxWidth("100%");
        personName.setLabel(getTranslation("crm.leads.field.person"));
        companyName.setLabel(getTranslation("crm.leads.field.company"));
        email.setLabel(getTranslation("crm.leads.field.email"));
        phone.setLabel(getTranslation("crm.leads.field.phone"));
        taxId.setLabel(getTranslation("crm.leads.field.tax-id"));
        source.setLabel(getTranslation("crm.leads.field.source"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(value -> LeadLabels.source(this, value));
        sourceDetail.setLabel(getTranslation("crm.leads.field.source-detail"));
        region.setLabel(getTranslation("crm.leads.field.region"));
        tags.setLabel(getTranslation("crm.leads.field.tags"));
        tags.setHelperText(getTranslation("crm.leads.form.tags-help"));
        owner.setLabel(getTranslation("crm.leads.field.owner"));
        owner.setHelperText(getTranslation("crm.leads.form.owner-help"));
        owner.setClearButtonVisible(true);
        List<UserDirectory.UserName> owners = leads.owners();
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserDirectory.UserName::displayName);
        interest.setLabel(getTranslation("crm.leads.field.interest"));

        binder.forField(personName).bind("personName");
        binder.forField(companyName).bind("companyName");
        binder.forField(email).bind("email");
        binder.forField(phone).bind("phone");
        binder.forField(taxId).bind("taxId");
        binder.forField(source).bind("source");
        binder.forField(sourceDetail).bind("sourceDetail");
        binder.forField(region).bind("region");
        binder.forField(tags).bind("tags");
        binder.forField(interest).bind("interest");
        binder.readBean(form);
        owner.setValue(owners.stream()
                .filter(user -> Objects.equals(user.id(), form.getOwnerId()))
                .findFirst()
                .orElse(null));

        FormLayout layout = new FormLayout(
                personName, companyName, email, phone, taxId, source, sourceDetail, region, tags, owner, interest);
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30rem", 2));
        layout.setColspan(interest, 2);
        add(layout);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        save = new Button(getTranslation("action.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    void save() {
        LeadForm edited = new LeadForm();
        edited.setId(loaded.getId());
        edited.setVersion(loaded.getVersion());
        edited.setTeamId(loaded.getTeamId());
        try {
            binder.writeBean(edited);
        } catch (ValidationException e) {
            if (!edited.isNamed()) {
                personName.setInvalid(true);
                personName.setErrorMessage(getTranslation("crm.leads.validation.name-required"));
            }
            return;
        }
        edited.setOwnerId(owner.getValue() == null ? null : owner.getValue().id());
        UUID id;
        try {
            if (edited.getId() == null) {
                id = leads.create(edited);
            } else {
                leads.update(edited);
                id = edited.getId();
            }
        } catch (LeadRuleException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            if ("personName".equals(e.field())) {
                personName.setInvalid(true);
                personName.setErrorMessage(message);
            }
            Notices.error(message);
            return;
        }
        close();
        Notices.success(getTranslation("crm.leads.form.saved"));
        onSaved.accept(id);
    }
}

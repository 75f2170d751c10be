package com.nexo.crm.opportunities.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.ui.Format;
import com.nexo.crm.opportunities.OpportunityForm;
import com.nexo.crm.opportunities.OpportunityRuleException;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/** A new opportunity in a pipeline: the form in a dialog; {@code onCreated} gets the new id. */
public class NewOpportunityDialog extends Dialog {

    final OpportunityFields fields;
    final Button save = new Button();

    public NewOpportunityDialog(
            OpportunityService opportunities,
            AccountDirectory accounts,
            PipelineService pipelines,
            UserDirectory users,
            UUID pipelineId,
            UUID stageId,
            Consumer<UUID> onCreated) {
        addClassName("crm-new-opportunity");
        setHeaderTitle(getTranslation("crm.opportunity.new"));
        fields = new OpportunityFields(accounts, pipelines, users);
        fields.read(OpportunityForm.blank(pipelineId, stageId, LocalDate.now(Format.zone(UI.getCurrent()))), null);
        save.setText(getTranslation("crm.common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            OpportunityForm form = fields.write();
            if (form == null) {
                return;
            }
            UUID id;
            try {
                id = opportunities.create(form);
            } catch (OpportunityRuleException e) {
                if (!fields.showOnField(e)) {
                    CrmNotices.refused(this, e);
                }
                return;
            }
            close();
            onCreated.accept(id);
        });
        add(fields);
        getFooter().add(new Button(getTranslation("crm.common.cancel"), click -> close()), save);
        setWidth("min(44rem, 95vw)");
    }
}

package com.nexo.crm.opportunities.ui;

import com.nexo.crm.opportunities.OpportunityRuleException;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.pipelines.LostReasonRow;
import com.nexo.crm.pipelines.PipelineService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;

/**
 * Asks why an opportunity was lost (a reason from the settings, required, and a note) and marks it
 * lost; {@code onLost} runs after it was saved.
 */
public class LostDialog extends Dialog {

    public final Select<LostReasonRow> reason = new Select<>();
    public final TextArea note = new TextArea();
    public final Button confirm = new Button();

    public LostDialog(
            OpportunityService opportunities,
            PipelineService pipelines,
            UUID opportunityId,
            long version,
            String title,
            Runnable onLost) {
        addClassName("crm-lost-dialog");
        setHeaderTitle(getTranslation("crm.opportunity.lose.title", title));
        reason.setLabel(getTranslation("crm.opportunity.lose.reason"));
        reason.setItems(pipelines.activeLostReasons());
        reason.setItemLabelGenerator(LostReasonRow::name);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        note.setLabel(getTranslation("crm.opportunity.lose.note"));
        note.setMaxLength(2000);
        note.setWidthFull();
        confirm.setText(getTranslation("crm.opportunity.lose.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            if (reason.getValue() == null) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("crm.opportunity.error.lost-reason-required"));
                return;
            }
            try {
                opportunities.lose(opportunityId, reason.getValue().id(), note.getValue(), version);
            } catch (OpportunityRuleException e) {
                CrmNotices.refused(this, e);
                close();
                onLost.run();
                return;
            }
            close();
            onLost.run();
        });
        Button cancel = new Button(getTranslation("crm.common.cancel"), click -> close());
        add(reason, note);
        getFooter().add(cancel, confirm);
        setWidth("min(28rem, 95vw)");
    }
}

package com.nexo.crm.pipelines.ui;

import com.nexo.base.RuleException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.BiConsumer;

/** Asks for a name (and, for a stage, a probability) and saves it; a refusal shows on the field. */
class NameDialog extends Dialog {

    final TextField name = new TextField();
    final IntegerField probability = new IntegerField();
    final Button save = new Button();

    /** {@code initialProbability} null: no probability asked. */
    NameDialog(
            String title,
            String initialName,
            Integer initialProbability,
            BiConsumer<String, Integer> saving,
            Runnable saved) {
        setHeaderTitle(title);
        name.setLabel(getTranslation("crm.settings.name"));
        name.setValue(initialName == null ? "" : initialName);
        name.setWidthFull();
        add(name);
        if (initialProbability != null) {
            probability.setLabel(getTranslation("crm.settings.probability"));
            probability.setMin(0);
            probability.setMax(100);
            probability.setValue(initialProbability);
            add(probability);
        }
        save.setText(getTranslation("crm.common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                saving.accept(name.getValue(), initialProbability == null ? null : probability.getValue());
            } catch (RuleException e) {
                name.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
                name.setInvalid(true);
                return;
            }
            close();
            saved.run();
        });
        getFooter().add(new Button(getTranslation("crm.common.cancel"), click -> close()), save);
        setWidth("min(24rem, 95vw)");
    }
}

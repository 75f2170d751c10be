package com.nexo.base.ui.documents;

import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks for the reason of a step that needs one (cancelling a document, correcting an invoice,
 * rejecting an order). The reason is mandatory; the step is taken by {@code step} and a refusal (as
 * {@code refusals} words it) is shown without closing.
 */
public class DocumentReasonDialog extends Dialog {

    public final TextArea reason = new TextArea();
    public final Button confirm;

    public DocumentReasonDialog(
            String title, String intro, String confirmText, Refusals refusals, Consumer<String> step) {
        setHeaderTitle(title);
        addClassName("document-reason-dialog");
        setWidth("min(32rem, 100%)");
        reason.setLabel(getTranslation("documents.reason.label"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.setMinHeight("6rem");
        add(new Paragraph(intro), reason);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        confirm = new Button(confirmText, click -> {
            String text = reason.getValue() == null ? "" : reason.getValue().strip();
            if (text.isEmpty()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("documents.reason.required"));
                reason.focus();
                return;
            }
            try {
                step.accept(text);
                close();
            } catch (RuntimeException failure) {
                Optional<String> refusal = refusals.message(this, failure);
                if (refusal.isEmpty()) {
                    throw failure;
                }
                Notices.error(refusal.get());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                reason.focus();
            }
        });
    }
}

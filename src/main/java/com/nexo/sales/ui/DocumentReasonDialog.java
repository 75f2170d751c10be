package com.nexo.sales.ui;

import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesRuleException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * Asks for the reason of a step that needs one (cancelling a document, correcting an invoice). The
 * reason is mandatory; the step is taken by {@code step} and a refusal is shown without closing.
 */
class DocumentReasonDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm;

    DocumentReasonDialog(String title, String intro, String confirmText, Consumer<String> step) {
        setHeaderTitle(title);
        addClassName("document-reason-dialog");
        setWidth("min(32rem, 100%)");
        reason.setLabel(getTranslation("sales.page.dialog.reason"));
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
                reason.setErrorMessage(getTranslation("sales.rule.reason-required"));
                reason.focus();
                return;
            }
            try {
                step.accept(text);
                close();
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
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

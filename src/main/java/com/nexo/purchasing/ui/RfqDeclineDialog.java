package com.nexo.purchasing.ui;

import com.nexo.base.ui.Notices;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.RfqSupplier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Records that a supplier of a sent RFQ declines to quote, with the reason it gave (optional). A
 * refusal is shown on the reason or as a notification, and the dialog stays open.
 */
class RfqDeclineDialog extends Dialog {

    /** Records the decline (a service call that may refuse it). */
    @FunctionalInterface
    interface Recorder {
        void record(RfqSupplier supplier, String reason);
    }

    final TextArea reason = new TextArea();
    final Button save;

    RfqDeclineDialog(RfqSupplier supplier, Recorder recorder) {
        setHeaderTitle(getTranslation("purchasing.decline.title", supplier.supplierName()));
        addClassName("rfq-decline-dialog");
        setWidth("min(32rem, 100%)");
        Paragraph intro = new Paragraph(getTranslation("purchasing.decline.intro"));
        intro.addClassName("form-note");
        reason.setLabel(getTranslation("purchasing.decline.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(intro, reason);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        save = new Button(getTranslation("purchasing.decline.save"), click -> {
            try {
                recorder.record(supplier, reason.getValue());
                close();
            } catch (PurchasingRuleException refusal) {
                String message = PurchaseTexts.refusal(this, refusal);
                if ("reason".equals(refusal.field())) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(message);
                } else {
                    Notices.error(message);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    /** The button that opens the dialog for a supplier still waited for or that answered. */
    static Button button(RfqSupplier supplier, Recorder recorder) {
        Button decline = new Button();
        decline.setText(decline.getTranslation("purchasing.action.decline"));
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        decline.addClassName("record-decline");
        decline.addClickListener(click -> new RfqDeclineDialog(supplier, recorder).open());
        return decline;
    }
}

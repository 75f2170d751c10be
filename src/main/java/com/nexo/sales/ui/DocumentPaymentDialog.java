package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesRuleException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a payment received for an issued invoice: the amount (what is open, to start with), the
 * date (today) and how it was paid. The invoicing service checks the amount; a refusal is shown here.
 */
class DocumentPaymentDialog extends Dialog {

    /** Records a payment; throws {@link SalesRuleException} when refused. */
    interface Step {
        void pay(LocalDate paidOn, BigDecimal amount, String method);
    }

    final BigDecimalField amount = new BigDecimalField();
    final DatePicker paidOn = new DatePicker();
    final TextField method = new TextField();
    final Button confirm;

    DocumentPaymentDialog(BigDecimal open, String currency, LocalDate today, Step step) {
        setHeaderTitle(getTranslation("sales.action.register-payment"));
        addClassName("document-payment-dialog");
        setWidth("min(28rem, 100%)");
        amount.setLabel(getTranslation("sales.page.payment.amount"));
        amount.setValue(open);
        amount.setRequiredIndicatorVisible(true);
        paidOn.setLabel(getTranslation("sales.page.payment.date"));
        paidOn.setValue(today);
        paidOn.setLocale(getLocale());
        method.setLabel(getTranslation("sales.page.payment.method"));
        method.setMaxLength(60);
        FormLayout fields = new FormLayout(amount, paidOn, method);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph(getTranslation("sales.page.payment.open", Format.money(open, currency))), fields);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        confirm = new Button(getTranslation("sales.page.payment.record"), click -> {
            try {
                step.pay(paidOn.getValue(), amount.getValue(), method.getValue());
                close();
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
    }
}

package com.nexo.sales.portal.ui;

import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.sales.portal.QuoteAnswer;
import com.nexo.sales.portal.QuoteAnswerForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

/**
 * Accepting or rejecting a quote: the client types its name (its signature) and, if it wants, a
 * comment. A refusal (name missing, quote answered meanwhile, expired) is shown translated in the
 * dialog, nothing recorded; once recorded the page shows the answer.
 */
class QuoteAnswerDialog extends Dialog {

    final TextField name = new TextField();
    final TextArea comment = new TextArea();
    final Button confirm = new Button();
    final Paragraph refusal = new Paragraph();

    QuoteAnswerDialog(ClientPortalService portal, SalesDocument quote, boolean accepted, Runnable answered) {
        addClassName("portal-answer-dialog");
        setHeaderTitle(
                accepted
                        ? getTranslation("portal.client.answer.accept-title", quote.number())
                        : getTranslation("portal.client.answer.reject-title", quote.number()));
        name.setLabel(getTranslation("portal.client.answer.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(QuoteAnswerForm.MAX_NAME);
        name.setWidthFull();
        name.setId("portal-answer-name");
        comment.setLabel(getTranslation("portal.client.answer.comment"));
        comment.setMaxLength(QuoteAnswerForm.MAX_COMMENT);
        comment.setWidthFull();
        refusal.addClassName("form-error");
        refusal.setVisible(false);
        add(
                new Paragraph(
                        accepted
                                ? getTranslation("portal.client.answer.accept-help")
                                : getTranslation("portal.client.answer.reject-help")),
                name,
                comment,
                refusal);
        confirm.setText(
                accepted
                        ? getTranslation("portal.client.answer.accept")
                        : getTranslation("portal.client.answer.reject"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("portal-answer-confirm");
        confirm.addClickListener(click -> {
            try {
                QuoteAnswer given = portal.answer(
                        quote.id(),
                        new QuoteAnswerForm(accepted, name.getValue(), comment.getValue()),
                        clientAddress());
                close();
                Notices.success(done(given));
                answered.run();
            } catch (SalesRuleException refused) {
                refusal.setText(getTranslation(refused.messageKey(), refused.arguments()));
                refusal.setVisible(true);
                if ("signedName".equals(refused.field())) {
                    name.setInvalid(true);
                    name.setErrorMessage(refusal.getText());
                }
            }
        });
        Button cancel = new Button(getTranslation("portal.client.answer.cancel"), click -> close());
        getFooter().add(cancel, confirm);
    }

    private String done(QuoteAnswer given) {
        if (!given.accepted()) {
            return getTranslation("portal.client.answer.done-rejected");
        }
        return given.orderId() == null
                ? getTranslation("portal.client.answer.done-accepted")
                : getTranslation("portal.client.answer.done-ordered");
    }

    /** The address the answer comes from, as the server sees it (behind a proxy: its forwarded header). */
    private static String clientAddress() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null
                ? null
                : session.getBrowser().getAddress();
    }
}

package com.nexo.sales.ui;

import com.nexo.base.mail.MailDeliveryException;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.print.SalesPrintService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;

/**
 * The output of a document page: its PDF (downloaded as the client receives it) and sending it by
 * e-mail to the client, with an optional message. A refused or unreachable mail server is shown and
 * nothing is recorded.
 */
class DocumentOutput extends Div {

    final DownloadLink pdf;
    final Button email;

    DocumentOutput(SalesPrintService print, UUID documentId, String fileName, String clientEmail, Runnable sent) {
        addClassName("document-output");
        pdf = new DownloadLink(
                getTranslation("sales.action.print"),
                fileName,
                "application/pdf",
                out -> out.write(print.pdf(documentId)));
        pdf.addClassName("document-pdf");
        email = new Button(getTranslation("sales.action.email"), VaadinIcon.ENVELOPE_O.create());
        email.addClassName("document-email");
        email.setVisible(CurrentUser.can(SalesPermissions.EDIT));
        email.addClickListener(click -> new EmailDialog(print, documentId, clientEmail, sent).open());
        add(pdf, email);
    }

    /** The recipient (the client's address to start with) and a message of one's own, if any. */
    static final class EmailDialog extends Dialog {

        final EmailField to = new EmailField();
        final TextArea message = new TextArea();
        final Button send;

        EmailDialog(SalesPrintService print, UUID documentId, String clientEmail, Runnable sent) {
            setHeaderTitle(getTranslation("sales.output.email-title"));
            setWidth("min(32rem, 100%)");
            to.setLabel(getTranslation("sales.output.to"));
            to.setWidthFull();
            to.setValue(clientEmail == null ? "" : clientEmail);
            message.setLabel(getTranslation("sales.output.message"));
            message.setHelperText(getTranslation("sales.output.message-help"));
            message.setWidthFull();
            message.setMaxLength(4000);
            add(to, message);
            Button cancel = new Button(getTranslation("action.cancel"), click -> close());
            send = new Button(getTranslation("sales.output.send"), click -> {
                if (to.isInvalid()) {
                    to.focus();
                    return;
                }
                try {
                    String address = print.email(documentId, to.getValue(), message.getValue());
                    Notices.success(getTranslation("sales.output.sent", address));
                    close();
                    sent.run();
                } catch (SalesRuleException refusal) {
                    Notices.error(DocumentViewTexts.refusal(this, refusal));
                } catch (MailDeliveryException failure) {
                    Notices.error(getTranslation(failure.messageKey(), failure.arguments()));
                }
            });
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(cancel, send);
        }
    }
}

package com.nexo.base.ui.documents;

import com.nexo.base.mail.MailDeliveryException;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.Serializable;
import java.util.Optional;

/**
 * The output of a document page: its PDF (downloaded as the other party receives it) and sending it
 * by e-mail, with an optional message. A refused or unreachable mail server is shown and nothing is
 * recorded. The module supplies the PDF and the sending ({@link Source}).
 */
public class DocumentOutput extends Div {

    /** A module's PDF and e-mail of one document. */
    public interface Source extends Serializable {

        byte[] pdf();

        /** Sends the PDF to {@code to} with {@code message} (or the usual text) and returns the address used. */
        String email(String to, String message);
    }

    public final DownloadLink pdf;
    public final Button email;

    /**
     * @param recipient the address proposed (the client's or supplier's), may be null
     * @param canSend whether the user may send it (the e-mail button is hidden otherwise)
     * @param sent runs after an e-mail went out (reload the page's timeline)
     */
    public DocumentOutput(
            Source source, String fileName, String recipient, boolean canSend, Refusals refusals, Runnable sent) {
        addClassName("document-output");
        pdf = new DownloadLink(
                getTranslation("documents.action.print"), fileName, "application/pdf", out -> out.write(source.pdf()));
        pdf.addClassName("document-pdf");
        email = new Button(getTranslation("documents.action.email"), VaadinIcon.ENVELOPE_O.create());
        email.addClassName("document-email");
        email.setVisible(canSend);
        email.addClickListener(click -> new EmailDialog(source, recipient, refusals, sent).open());
        add(pdf, email);
    }

    /** The recipient (the other party's address to start with) and a message of one's own, if any. */
    public static final class EmailDialog extends Dialog {

        public final EmailField to = new EmailField();
        public final TextArea message = new TextArea();
        public final Button send;

        EmailDialog(Source source, String recipient, Refusals refusals, Runnable sent) {
            setHeaderTitle(getTranslation("documents.output.email-title"));
            setWidth("min(32rem, 100%)");
            to.setLabel(getTranslation("documents.output.to"));
            to.setWidthFull();
            to.setValue(recipient == null ? "" : recipient);
            message.setLabel(getTranslation("documents.output.message"));
            message.setHelperText(getTranslation("documents.output.message-help"));
            message.setWidthFull();
            message.setMaxLength(4000);
            add(to, message);
            Button cancel = new Button(getTranslation("action.cancel"), click -> close());
            send = new Button(getTranslation("documents.output.send"), click -> {
                if (to.isInvalid()) {
                    to.focus();
                    return;
                }
                try {
                    String address = source.email(to.getValue(), message.getValue());
                    Notices.success(getTranslation("documents.output.sent", address));
                    close();
                    sent.run();
                } catch (MailDeliveryException failure) {
                    Notices.error(getTranslation(failure.messageKey(), failure.arguments()));
                } catch (RuntimeException failure) {
                    Optional<String> refusal = refusals.message(this, failure);
                    if (refusal.isEmpty()) {
                        throw failure;
                    }
                    Notices.error(refusal.get());
                }
            });
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(cancel, send);
        }
    }
}

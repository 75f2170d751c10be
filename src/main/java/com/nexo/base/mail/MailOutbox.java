package com.nexo.base.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP, through Spring's {@link JavaMailSender} (server settings {@code
 * spring.mail.*}, from {@code NEXO_SMTP_*}; sender {@code nexo.mail.from}). Synchronous: when {@link
 * #send} returns, the server has accepted the message; when it throws {@link MailDeliveryException},
 * nobody got it and the caller records nothing. The caller checks its own permission (sending a
 * document is the document module's business) and should not hold a database transaction open while
 * the server answers.
 */
@Component
public class MailOutbox {

    private final JavaMailSender sender;
    private final String from;

    MailOutbox(JavaMailSender sender, @Value("${nexo.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Sends the mail, or throws {@link MailDeliveryException} with the reason the user reads. */
    public void send(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper =
                    new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
            helper.setFrom(address(from));
            for (String to : mail.to()) {
                helper.addTo(address(to));
            }
            for (String cc : mail.cc()) {
                helper.addCc(address(cc));
            }
            if (mail.replyTo() != null) {
                helper.setReplyTo(address(mail.replyTo()));
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(
                        attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
        } catch (MessagingException e) {
            throw MailDeliveryException.refused(e, String.valueOf(e.getMessage()));
        }
        try {
            sender.send(message);
        } catch (MailAuthenticationException e) {
            // The installation's credentials are wrong: the administrator's matter, not the user's.
            throw MailDeliveryException.unavailable(e);
        } catch (MailException e) {
            if (unreachable(e)) {
                throw MailDeliveryException.unavailable(e);
            }
            throw MailDeliveryException.refused(e, serverAnswer(e));
        }
    }

    /** A strictly parsed address; a malformed one is the user's to correct. */
    private static InternetAddress address(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw MailDeliveryException.invalidAddress(e, String.valueOf(text));
        }
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException
                    || (cause instanceof MessagingException messaging
                            && messaging.getNextException() instanceof IOException)) {
                return true;
            }
            if (cause instanceof org.springframework.mail.MailSendException send) {
                for (Exception failed : send.getFailedMessages().values()) {
                    if (failed != e && unreachable(failed)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What the server said, the deepest message of the chain (e.g. "550 5.1.1 Mailbox unavailable"). */
    private static String serverAnswer(Throwable e) {
        String answer = e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                answer = cause.getMessage();
            }
            if (cause instanceof org.springframework.mail.MailSendException send) {
                for (Exception failed : send.getFailedMessages().values()) {
                    if (failed != e && failed.getMessage() != null) {
                        answer = failed.getMessage();
                    }
                }
            }
        }
        return answer == null ? "" : answer.strip();
    }
}

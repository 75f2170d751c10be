package com.nexo.base.mail;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to send: plain text with attachments (a document's PDF).
 *
 * @param to recipients, at least one
 * @param cc copies; empty for none
 * @param replyTo where answers go (the salesperson, the tenant's address); null for the sender
 * @param subject the subject line
 * @param text the body, plain text
 * @param attachments files attached, in order; empty for none
 */
public record OutgoingMail(
        List<String> to, List<String> cc, String replyTo, String subject, String text, List<Attachment> attachments) {

    public OutgoingMail {
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        cc = cc == null ? List.of() : List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * A file attached to a mail.
     *
     * @param name the file name the recipient sees ("F2026-000123.pdf")
     * @param contentType its media type ("application/pdf")
     * @param content its bytes
     */
    public record Attachment(String name, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }

        /** A PDF file. */
        public static Attachment pdf(String name, byte[] content) {
            return new Attachment(name, "application/pdf", content);
        }
    }
}

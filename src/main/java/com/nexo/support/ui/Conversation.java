package com.nexo.support.ui;

import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.support.requests.RequestDetail;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * A request's messages, oldest first, each with who wrote it (the back office or the client), when,
 * its text and its files as download links. The same on both sides.
 */
class Conversation extends Div {

    /** Writes one of the request's files; false when there is none the user may read. */
    @FunctionalInterface
    interface Files {
        boolean copy(UUID requestId, UUID fileId, OutputStream out) throws IOException;
    }

    private static final java.util.Set<String> SAFE_TYPES =
            java.util.Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain");

    private final transient Files files;

    Conversation(Files files) {
        this.files = files;
        addClassName("support-conversation");
    }

    void show(RequestDetail request) {
        removeAll();
        for (RequestDetail.Message message : request.messages()) {
            Div item = new Div();
            item.addClassNames("support-message", message.fromStaff() ? "from-staff" : "from-client");
            Span author = new Span(
                    message.fromStaff()
                            ? getTranslation("support.conversation.staff", message.authorName())
                            : message.authorName());
            author.addClassName("support-message-author");
            Span when = new Span(Format.dateTime(message.createdAt()));
            when.addClassName("support-message-time");
            Paragraph body = new Paragraph(message.body());
            body.addClassName("support-message-body");
            body.getStyle().set("white-space", "pre-wrap");
            item.add(new Div(author, when), body);
            for (RequestDetail.Attachment attachment : message.files()) {
                item.add(link(request.id(), attachment));
            }
            add(item);
        }
    }

    /**
     * The type a file is served with: the declared one only for plain documents and pictures, else
     * bytes to save (an uploaded HTML page or script is never handed to the browser as such).
     */
    static String servedType(String declared) {
        return SAFE_TYPES.contains(declared) ? declared : "application/octet-stream";
    }

    private DownloadLink link(UUID requestId, RequestDetail.Attachment attachment) {
        DownloadLink link = new DownloadLink(
                getTranslation(
                        "support.conversation.file",
                        attachment.name(),
                        Format.integer(Math.max(1, attachment.size() / 1024))),
                attachment.name(),
                servedType(attachment.contentType()),
                out -> {
                    if (!files.copy(requestId, attachment.fileId(), out)) {
                        throw new IOException(
                                "File " + attachment.fileId() + " of request " + requestId + " not readable");
                    }
                });
        link.addClassName("support-file");
        return link;
    }
}

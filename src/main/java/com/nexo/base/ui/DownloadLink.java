package com.nexo.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A link that downloads a file written straight to the response while the user waits: an export of
 * any size never sits in the server's memory. Looks like a button.
 */
public class DownloadLink extends Anchor {

    /** Writes the file's content; called on the download's own request, once per click. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public DownloadLink(String text, String fileName, String contentType, Content content) {
        super(
                (DownloadHandler) event -> {
                    event.setFileName(fileName);
                    event.setContentType(contentType);
                    try (OutputStream out = event.getOutputStream()) {
                        content.writeTo(out);
                    }
                },
                "");
        addClassName("download-link");
        setText(text);
        addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        getElement().setAttribute("download", fileName);
    }
}

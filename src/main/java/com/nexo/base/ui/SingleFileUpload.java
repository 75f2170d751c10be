package com.nexo.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The one way a page takes a file from its user: one file at a time, of at most {@code maxBytes} and
 * of the types named, spooled to a temporary file (never held whole in memory) and handed to the
 * page's {@link Receiver} as a stream while the page's session is locked, so the receiver may call
 * its service and redraw the page as a click listener would. The temporary file is deleted
 * afterwards whatever happened, and the upload's list is cleared for the next file. A file the
 * browser refuses (too large, or of another type) gets one translated message that says both limits.
 * The service behind the receiver checks size and owner again: these limits only spare a useless
 * transfer.
 */
public class SingleFileUpload extends Upload {

    /** What the page does with an uploaded file: store it through its service and show the outcome. */
    @FunctionalInterface
    public interface Receiver extends Serializable {
        void receive(String fileName, String contentType, InputStream content) throws IOException;
    }

    /**
     * @param maxBytes the largest file taken
     * @param accepted the file types taken, as extensions (".pdf") or MIME types; none: any type
     */
    public SingleFileUpload(long maxBytes, List<String> accepted, Receiver receiver) {
        setMaxFiles(1);
        setMaxFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE));
        if (!accepted.isEmpty()) {
            setAcceptedFileTypes(accepted.toArray(String[]::new));
        }
        String types = accepted.isEmpty() ? getTranslation("upload.any-type") : String.join(", ", accepted);
        addFileRejectedListener(rejected -> Notices.error(getTranslation(
                "upload.rejected",
                rejected.getFileName() == null ? "" : rejected.getFileName(),
                maxBytes / (1024 * 1024),
                types)));
        UI ui = UI.getCurrent();
        setUploadHandler(UploadHandler.toTempFile((metadata, file) -> inUi(ui, () -> {
            clearFileList();
            try (InputStream in = Files.newInputStream(file.toPath())) {
                receiver.receive(metadata.fileName(), metadata.contentType(), in);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            } finally {
                try {
                    Files.deleteIfExists(file.toPath());
                } catch (IOException ignored) {
                    // A temporary file the system removes anyway.
                }
            }
        })));
    }

    private static void inUi(UI ui, Runnable command) {
        if (ui == null || ui.getSession().hasLock()) {
            command.run();
        } else {
            ui.access(command::run);
        }
    }
}

package com.nexo.imports.ui;

import com.nexo.base.ui.Notices;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportDraft;
import com.nexo.imports.jobs.ImportRuleException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The file of a new import, streamed from the browser's request straight into
 * {@link ImportCentre#upload}: a file of hundreds of megabytes is neither held in memory nor copied to
 * a temporary file first, and the page stays usable while it arrives (the session is locked only to
 * show the outcome). Unlike {@code SingleFileUpload}, which spools to a temporary file and hands the
 * page a stream under the session's lock, fit for a picture but not for a spreadsheet of millions of
 * rows.
 */
class ImportFileUpload extends Upload {

    /** The largest file taken: a few million rows of a wide sheet. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    static final List<String> ACCEPTED = List.of(".csv", ".txt");

    private static final Logger LOG = LoggerFactory.getLogger(ImportFileUpload.class);

    /** What the page does with the stored file: shows its columns for mapping. */
    @FunctionalInterface
    interface Uploaded extends Serializable {
        void uploaded(ImportDraft draft);
    }

    ImportFileUpload(ImportCentre centre, Uploaded uploaded) {
        addClassName("import-upload");
        setMaxFiles(1);
        setMaxFileSize((int) MAX_BYTES);
        setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        setUploadButton(new Button(getTranslation("imports.new.choose-file"), VaadinIcon.UPLOAD.create()));
        setI18n(texts());
        addFileRejectedListener(rejected -> Notices.error(getTranslation(
                "upload.rejected",
                rejected.getFileName() == null ? "" : rejected.getFileName(),
                MAX_BYTES / (1024 * 1024),
                String.join(", ", ACCEPTED))));
        setUploadHandler(new StreamingHandler(centre, uploaded));
    }

    /** The upload's own texts (buttons, status, errors) in the user's language. */
    private UploadI18N texts() {
        String drop = getTranslation("imports.new.drop");
        String choose = getTranslation("imports.new.choose-file");
        String tooLarge = getTranslation("imports.upload.too-large", MAX_BYTES / (1024 * 1024));
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop))
                .setAddFiles(new UploadI18N.AddFiles().setOne(choose).setMany(choose))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(getTranslation("imports.upload.one-file"))
                        .setFileIsTooBig(tooLarge)
                        .setIncorrectFileType(getTranslation("imports.upload.wrong-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(getTranslation("imports.upload.connecting"))
                                .setStalled(getTranslation("imports.upload.stalled"))
                                .setProcessing(getTranslation("imports.upload.processing"))
                                .setHeld(getTranslation("imports.upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(getTranslation("imports.upload.remaining"))
                                .setUnknown(getTranslation("imports.upload.remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(getTranslation("imports.upload.server-unavailable"))
                                .setUnexpectedServerError(getTranslation("imports.new.upload-failed"))
                                .setForbidden(getTranslation("error.access-denied"))
                                .setFileTooLarge(tooLarge)))
                .setFile(new UploadI18N.File()
                        .setRetry(getTranslation("imports.upload.retry"))
                        .setStart(getTranslation("imports.upload.start"))
                        .setRemove(getTranslation("imports.upload.remove")));
    }

    /** Runs on the upload's own request, outside the session's lock. */
    private record StreamingHandler(ImportCentre centre, Uploaded uploaded) implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            UI ui = event.getUI();
            ImportDraft draft;
            try (InputStream content = event.getInputStream()) {
                draft = centre.upload(event.getFileName(), content);
            } catch (ImportRuleException refused) {
                ui.access(() -> Notices.error(ui.getTranslation(refused.messageKey(), refused.arguments())));
                return;
            } catch (AccessDeniedException denied) {
                LOG.warn("Import upload refused: {}", denied.getMessage());
                ui.access(() -> Notices.error(ui.getTranslation("error.access-denied")));
                return;
            } catch (IOException | RuntimeException failure) {
                LOG.warn("Import upload of {} failed", event.getFileName(), failure);
                ui.access(() -> Notices.error(ui.getTranslation("imports.new.upload-failed")));
                return;
            }
            ui.access(() -> {
                if (event.getOwningComponent() instanceof Upload upload) {
                    upload.clearFileList();
                }
                uploaded.uploaded(draft);
            });
        }

        @Override
        public long getFileSizeMax() {
            return MAX_BYTES;
        }

        @Override
        public long getRequestSizeMax() {
            return MAX_BYTES + 64 * 1024;
        }
    }
}

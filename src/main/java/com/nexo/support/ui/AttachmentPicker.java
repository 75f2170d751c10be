package com.nexo.support.ui;

import com.nexo.base.ui.Notices;
import com.nexo.support.requests.NewFile;
import com.nexo.support.requests.PortalRequests;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a message being written: each upload waits in a temporary file until the message is
 * sent (then the service stores it) or the page is left (then it is deleted).
 */
class AttachmentPicker extends Div {

    final Upload upload = new Upload();
    private final List<NewFile> files = new ArrayList<>();

    AttachmentPicker() {
        addClassName("support-attachments");
        upload.setMaxFiles(PortalRequests.MAX_FILES);
        upload.setMaxFileSize((int) PortalRequests.MAX_FILE_BYTES);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("support.files.drop")));
        upload.addFileRejectedListener(rejected -> Notices.error(getTranslation(
                "support.files.rejected", PortalRequests.MAX_FILES, PortalRequests.MAX_FILE_BYTES / (1024 * 1024))));
        upload.setUploadHandler(UploadHandler.toTempFile(
                (metadata, file) -> add(new NewFile(metadata.fileName(), metadata.contentType(), file.toPath()))));
        add(upload);
    }

    private void add(NewFile file) {
        synchronized (files) {
            files.add(file);
        }
    }

    /** The files uploaded so far, in upload order. */
    List<NewFile> files() {
        synchronized (files) {
            return List.copyOf(files);
        }
    }

    /** Forgets the files (sent, or given up) and deletes what is left of them. */
    void clear() {
        List<NewFile> left;
        synchronized (files) {
            left = List.copyOf(files);
            files.clear();
        }
        for (NewFile file : left) {
            File temporary = file.path().toFile();
            if (temporary.exists() && !temporary.delete()) {
                temporary.deleteOnExit();
            }
        }
        upload.clearFileList();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        clear();
        super.onDetach(detach);
    }
}

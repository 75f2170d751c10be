package com.nexo.cms.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.library.DocumentRow;
import com.nexo.cms.library.LibraryService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

/**
 * Uploads a new document into a folder, or a new file for a document (a new version; the earlier
 * stays in the versions). The file arrives on its own request into a temporary file (never whole in
 * memory) and goes to the library from there; the page is told afterwards through {@link UI#access}.
 */
class DocumentUploadDialog extends Dialog {

    /** What the browser offers to pick; the library checks the name and the bytes again. */
    static final String[] ACCEPTED = {
        ".pdf", ".txt", ".csv", ".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx", ".zip", ".png", ".jpg", ".jpeg",
        ".webp", ".gif"
    };

    final TextField title = new TextField();
    final Select<ContentLanguage> language = new Select<>();
    final Upload upload = new Upload();

    DocumentUploadDialog(
            LibraryService library, UUID folderId, DocumentRow replacing, ContentLanguage initial, Runnable onDone) {
        UI ui = UI.getCurrent();
        addClassName("cms-upload-dialog");
        setHeaderTitle(
                replacing == null
                        ? getTranslation("cms.library.upload.title")
                        : getTranslation("cms.library.replace.title", replacing.title()));
        setWidth("32rem");
        setMaxWidth("100%");
        title.setLabel(getTranslation("cms.library.upload.document-title"));
        title.setHelperText(getTranslation("cms.library.upload.document-title-help"));
        title.setMaxLength(200);
        title.setVisible(replacing == null);
        language.setLabel(getTranslation("cms.library.upload.language"));
        language.setItems(ContentLanguage.values());
        language.setItemLabelGenerator(lang -> lang == ContentLanguage.ES
                ? getTranslation("cms.library.language.es")
                : getTranslation("cms.library.language.en"));
        language.setValue(replacing == null ? initial : replacing.titleLanguage());

        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) ContentService.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(ACCEPTED);
        upload.addFileRejectedListener(rejected -> Notices.error(
                getTranslation("cms.library.upload.rejected", ContentService.MAX_FILE_BYTES / (1024 * 1024))));
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> {
            String error = null;
            try (InputStream in = Files.newInputStream(file.toPath())) {
                ContentLanguage lang = language.getValue() == null ? initial : language.getValue();
                if (replacing == null) {
                    library.upload(folderId, lang, title.getValue(), metadata.fileName(), metadata.contentType(), in);
                } else {
                    library.replace(
                            replacing.id(), replacing.version(), lang, metadata.fileName(), metadata.contentType(), in);
                }
            } catch (RuleException refusal) {
                error = LibraryTexts.refusal(this, refusal);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                file.delete();
            }
            String message = error;
            inUi(ui, () -> {
                upload.clearFileList();
                if (message == null) {
                    Notices.success(getTranslation("cms.library.upload.done", metadata.fileName()));
                    close();
                    onDone.run();
                } else {
                    Notices.error(message);
                }
            });
        }));

        FormLayout form = new FormLayout(title, language);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, upload);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()));
    }

    private static void inUi(UI ui, Runnable command) {
        if (ui.getSession().hasLock()) {
            command.run();
        } else {
            ui.access(command::run);
        }
    }
}

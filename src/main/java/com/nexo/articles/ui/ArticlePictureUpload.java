package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.UUID;

/**
 * Sets or replaces an article's picture: PNG, JPEG or WebP up to 1 MB (the service checks both
 * again). The upload arrives on its own request without the session lock, so the page is told
 * afterwards through {@link UI#access}.
 */
final class ArticlePictureUpload extends Upload {

    static final long MAX_BYTES = 1024L * 1024L;

    ArticlePictureUpload(ArticleService articles, UUID articleId, Runnable onChanged) {
        UI ui = UI.getCurrent();
        setMaxFiles(1);
        setMaxFileSize((int) MAX_BYTES);
        setAcceptedFileTypes("image/png", "image/jpeg", "image/webp");
        setDropAllowed(false);
        addClassName("article-picture-upload");
        setUploadButton(new Button(getTranslation("articles.detail.picture-change"), VaadinIcon.PICTURE.create()));
        addFileRejectedListener(event -> Notices.error(getTranslation("articles.detail.picture-rejected")));
        setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            String error = null;
            try {
                articles.setImage(articleId, metadata.contentType(), data);
            } catch (ArticleRuleException e) {
                error = getTranslation(e.messageKey(), e.arguments());
            }
            String message = error;
            inUi(ui, () -> {
                clearFileList();
                if (message == null) {
                    Notices.success(getTranslation("articles.detail.picture-saved"));
                    onChanged.run();
                } else {
                    Notices.error(message);
                }
            });
        }));
    }

    private static void inUi(UI ui, Runnable command) {
        if (ui.getSession().hasLock()) {
            command.run();
        } else {
            ui.access(command::run);
        }
    }
}

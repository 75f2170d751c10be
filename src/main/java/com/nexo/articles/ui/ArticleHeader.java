package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleImage;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.pages.ArticlePage;
import com.nexo.articles.units.UnitService;
import com.nexo.base.ui.Notices;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

/** The head of an article's page: picture, name, code, kind and status, and the actions the user may take. */
final class ArticleHeader extends Div {

    private final transient ArticleService articles;
    private final transient UnitService units;
    private final transient CategoryService categories;
    private final Runnable reload;
    private transient ArticlePage page;

    ArticleHeader(ArticleService articles, UnitService units, CategoryService categories, Runnable reload) {
        this.articles = articles;
        this.units = units;
        this.categories = categories;
        this.reload = reload;
        addClassName("detail-header");
    }

    void show(ArticlePage shown) {
        this.page = shown;
        ArticleForm form = shown.form();
        removeAll();
        H2 name = new H2(ArticleDetailView.name(form, getLocale()));
        name.addClassName("detail-title");
        Span subtitle = new Span(form.code());
        subtitle.addClassName("detail-subtitle");
        Badge kind = new Badge(ArticleLabels.kind(this, form.kind()));
        kind.addThemeVariants(BadgeVariant.SMALL);
        Badge status = new Badge(ArticleHistory.status(this, shown.archived()));
        status.addThemeVariants(shown.archived() ? BadgeVariant.CONTRAST : BadgeVariant.SUCCESS, BadgeVariant.SMALL);
        status.addClassName("article-status");
        Div badges = new Div(kind, status);
        badges.addClassName("detail-badges");
        Div title = new Div(name, subtitle, badges);
        title.addClassName("detail-heading");
        Div identity = new Div();
        identity.addClassName("article-identity");
        image().ifPresent(identity::add);
        identity.add(title);
        add(identity, actions());
    }

    private UUID id() {
        return page.id();
    }

    private Optional<Image> image() {
        if (!page.hasImage()) {
            return Optional.empty();
        }
        UUID articleId = id();
        // The picture travels on its own request, read again there: it never sits in the session.
        Image picture = new Image(
                (DownloadHandler) event -> {
                    Optional<ArticleImage> found = articles.image(articleId);
                    if (found.isPresent()) {
                        event.setContentType(found.get().contentType());
                        try (OutputStream out = event.getOutputStream()) {
                            out.write(found.get().content());
                        }
                    }
                },
                getTranslation("articles.detail.image", page.form().code()));
        picture.addClassName("article-image");
        return Optional.of(picture);
    }

    private Component actions() {
        Div actions = new Div();
        actions.addClassName("detail-actions");
        if (CurrentUser.can(ArticlePermissions.EDIT)) {
            Button edit = new Button(getTranslation("articles.detail.edit"), VaadinIcon.EDIT.create());
            edit.setId("article-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            edit.addClickListener(click ->
                    new ArticleFormDialog(articles, units.units(), categories, id(), saved -> reload.run()).open());
            actions.add(edit);
            boolean archived = page.archived();
            Button archive = new Button(
                    archived ? getTranslation("articles.detail.restore") : getTranslation("articles.detail.archive"),
                    (archived ? VaadinIcon.ARROW_BACKWARD : VaadinIcon.ARCHIVE).create());
            archive.addClickListener(click -> {
                if (archived) {
                    articles.restoreArticle(id());
                    Notices.success(getTranslation("articles.detail.restored"));
                } else {
                    articles.archiveArticle(id());
                    Notices.success(getTranslation("articles.detail.archived"));
                }
                reload.run();
            });
            actions.add(archive);
            actions.add(new ArticlePictureUpload(articles, id(), reload));
            if (page.hasImage()) {
                Button removePicture =
                        new Button(getTranslation("articles.detail.picture-remove"), VaadinIcon.CLOSE_SMALL.create());
                removePicture.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                removePicture.addClickListener(click -> {
                    articles.removeImage(id());
                    Notices.success(getTranslation("articles.detail.picture-removed"));
                    reload.run();
                });
                actions.add(removePicture);
            }
        }
        if (CurrentUser.can(ArticlePermissions.DELETE)) {
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClickListener(click -> confirmDelete());
            actions.add(delete);
        }
        return actions;
    }

    private void confirmDelete() {
        String code = page.form().code();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("articles.detail.delete-title", code));
        confirm.setText(getTranslation("articles.detail.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                articles.deleteArticle(id());
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                return;
            }
            Notices.success(getTranslation("articles.detail.deleted", code));
            getUI().ifPresent(ui -> ui.navigate(ArticleListView.class));
        });
        confirm.open();
    }
}

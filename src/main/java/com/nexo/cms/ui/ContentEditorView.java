package com.nexo.cms.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.cms.Audience;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.CmsRuleException;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.AttachmentRow;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.ContentService.CategoryChoice;
import com.nexo.cms.content.ItemDetail;
import com.nexo.cms.content.ItemDraft;
import com.nexo.cms.content.ItemText;
import com.nexo.cms.content.MarkdownRenderer;
import com.nexo.cms.content.RevisionRow;
import com.nexo.cms.content.TextDraft;
import com.nexo.security.CurrentUser;
import com.nexo.security.RoleDirectory;
import com.nexo.security.RoleDirectory.RoleName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One item of content for its editors ({@code cms/content/:id}, or {@code cms/content/new/:kind}):
 * a tab per language with title, summary and the Markdown beside its live preview (rendered and
 * sanitised on the server, as readers will get it); the settings (address, category of an article,
 * audiences and internal roles, publish and expire dates in the user's time zone); images and files
 * uploaded into the open language's text; save, publish or unpublish (with {@code cms.publish}),
 * delete; the revisions, each viewable and restorable. Refusals show on their field or above the
 * tabs, never as an error page.
 */
@Route(ContentEditorView.ROUTE)
@RouteAlias(ContentEditorView.NEW_ROUTE)
@RolesAllowed(CmsPermissions.EDIT)
public class ContentEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = ContentListView.ROUTE + "/:id";
    static final String NEW_ROUTE = ContentListView.ROUTE + "/new/:kind";

    private final transient ContentService content;
    private final transient MarkdownRenderer renderer;
    private final transient RoleDirectory roleDirectory;
    private final boolean mayPublish = CurrentUser.can(CmsPermissions.PUBLISH);

    private ContentKind kind = ContentKind.NEWS;
    private ItemDetail shown;
    private ContentLanguage openLanguage = ContentLanguage.ES;

    final H2 heading = new H2();
    final Span status = new Span();
    final Span revision = new Span();
    final Paragraph problem = new Paragraph();
    final Button reload = new Button();
    final Button save = new Button();
    final Button publish = new Button();
    final Button unpublish = new Button();
    final Button delete = new Button();
    final TabSheet tabs = new TabSheet();
    final Map<ContentLanguage, LanguageTab> languages = new EnumMap<>(ContentLanguage.class);
    final TextField slug = new TextField();
    final ComboBox<CategoryChoice> category = new ComboBox<>();
    final CheckboxGroup<Audience> audiences = new CheckboxGroup<>();
    final MultiSelectComboBox<RoleName> internalRoles = new MultiSelectComboBox<>();
    final DateTimePicker publishAt = new DateTimePicker();
    final DateTimePicker expireAt = new DateTimePicker();
    final Upload upload = new Upload();
    final Div attachmentList = new Div();
    final Grid<RevisionRow> revisions = new Grid<>();
    final Div revisionView = new Div();
    final Button restore = new Button();
    private Tab revisionsTab;
    private RevisionRow openRevision;

    /** One language's fields. */
    final class LanguageTab {
        final ContentLanguage language;
        final TextField title = new TextField();
        final TextArea summary = new TextArea();
        final TextArea body = new TextArea();
        final Div preview = new Div();

        LanguageTab(ContentLanguage language) {
            this.language = language;
            String code = language.code();
            title.setId("cms-title-" + code);
            title.setLabel(getTranslation("cms.content.field.title"));
            title.setMaxLength(200);
            title.setWidthFull();
            summary.setId("cms-summary-" + code);
            summary.setLabel(getTranslation("cms.content.field.summary"));
            summary.setMaxLength(300);
            summary.setHelperText(getTranslation("cms.content.field.summary-help"));
            summary.setWidthFull();
            body.setId("cms-body-" + code);
            body.setLabel(getTranslation("cms.content.field.body"));
            body.setHelperText(getTranslation("cms.content.field.body-help"));
            body.setMinHeight("18rem");
            body.setWidthFull();
            body.setValueChangeMode(ValueChangeMode.TIMEOUT);
            body.setValueChangeTimeout(400);
            body.addValueChangeListener(event -> renderPreview());
            preview.setId("cms-preview-" + code);
            preview.addClassName("cms-preview");
            preview.getStyle()
                    .set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "0 var(--lumo-space-m)")
                    .set("min-height", "18rem")
                    .set("overflow-wrap", "anywhere")
                    .set("overflow-x", "auto");
        }

        Component layout() {
            Div editor = new Div(body);
            Div previewBox = new Div(new Span(getTranslation("cms.content.preview")), preview);
            previewBox
                    .getStyle()
                    .set("display", "flex")
                    .set("flex-direction", "column")
                    .set("gap", "0.25rem");
            for (Div half : List.of(editor, previewBox)) {
                half.getStyle().set("flex", "1 1 20rem").set("min-width", "0");
            }
            Div sideBySide = new Div(editor, previewBox);
            sideBySide
                    .getStyle()
                    .set("display", "flex")
                    .set("flex-wrap", "wrap")
                    .set("gap", "var(--lumo-space-m)");
            Div all = new Div(title, summary, sideBySide);
            all.getStyle().set("display", "flex").set("flex-direction", "column");
            return all;
        }

        void renderPreview() {
            preview.getElement().setProperty("innerHTML", renderer.toSafeHtml(body.getValue()));
        }

        boolean written() {
            return !title.getValue().isBlank()
                    || !summary.getValue().isBlank()
                    || !body.getValue().isBlank();
        }

        TextDraft draft() {
            return new TextDraft(title.getValue(), summary.getValue(), body.getValue());
        }

        void show(ItemText text) {
            title.setValue(text == null || text.title() == null ? "" : text.title());
            summary.setValue(text == null || text.summary() == null ? "" : text.summary());
            body.setValue(text == null || text.bodyMarkdown() == null ? "" : text.bodyMarkdown());
            renderPreview();
        }

        void insert(String markdown) {
            String current = body.getValue();
            body.setValue(current.isEmpty() || current.endsWith("\n") ? current + markdown : current + "\n" + markdown);
            renderPreview();
        }
    }

    ContentEditorView(ContentService content, MarkdownRenderer renderer, RoleDirectory roleDirectory) {
        this.content = content;
        this.renderer = renderer;
        this.roleDirectory = roleDirectory;
        // account-detail: the padding every record page has (nexo.css).
        addClassNames("account-detail", "cms-content-editor");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        getStyle().set("max-width", "100%").set("box-sizing", "border-box");

        status.setId("cms-status");
        revision.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div facts = new Div(status, revision);
        facts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");

        problem.setId("cms-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        reload.setText(getTranslation("cms.content.reload"));
        reload.setId("cms-reload");
        reload.setVisible(false);
        reload.addClickListener(click -> reloadShown());

        save.setId("cms-save");
        save.setText(getTranslation("cms.content.save"));
        save.setIcon(VaadinIcon.CHECK.create());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        publish.setId("cms-publish");
        publish.setText(getTranslation("cms.content.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        publish.addClickListener(click -> publish());
        unpublish.setId("cms-unpublish");
        unpublish.setText(getTranslation("cms.content.unpublish"));
        unpublish.addClickListener(click -> unpublish());
        delete.setId("cms-delete");
        delete.setText(getTranslation("cms.content.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> confirmDelete());
        Anchor back = new Anchor(ContentListView.ROUTE, getTranslation("cms.content.back"));
        Div buttons = new Div(save, publish, unpublish, delete, back);
        buttons.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");

        for (ContentLanguage language : ContentLanguage.values()) {
            LanguageTab tab = new LanguageTab(language);
            languages.put(language, tab);
            tabs.add(ContentLabels.language(this, language), tab.layout());
        }
        tabs.add(getTranslation("cms.content.tab.settings"), settings());
        revisionsTab = tabs.add(getTranslation("cms.content.tab.revisions"), revisionsPanel());
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(event -> {
            int index = tabs.getIndexOf(event.getSelectedTab());
            if (index >= 0 && index < ContentLanguage.values().length) {
                openLanguage = ContentLanguage.values()[index];
            }
            if (event.getSelectedTab() == revisionsTab) {
                showRevisions();
            }
        });

        add(heading, facts, buttons, new Div(problem, reload), tabs, attachmentsPanel());
    }

    /** The location of a new item's editor. */
    static String newItem(ContentKind kind) {
        return ContentListView.ROUTE + "/new/" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** The location of an item's editor. */
    static String existing(UUID id) {
        return ContentListView.ROUTE + "/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> newKind = event.getRouteParameters().get("kind");
        if (newKind.isPresent()) {
            Optional<ContentKind> parsed = parseKind(newKind.get());
            if (parsed.isEmpty()) {
                event.forwardTo(ContentListView.class);
                return;
            }
            kind = parsed.get();
            showNew();
            return;
        }
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        if (id.isEmpty()) {
            event.forwardTo(ContentListView.class);
            return;
        }
        try {
            show(content.get(id.get()));
        } catch (CmsRuleException missing) {
            Notices.error(getTranslation("cms.error.not-found"));
            event.forwardTo(ContentListView.class);
        }
    }

    private static Optional<ContentKind> parseKind(String text) {
        for (ContentKind each : List.of(ContentKind.NEWS, ContentKind.PAGE, ContentKind.ARTICLE)) {
            if (each.name().equalsIgnoreCase(text)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    private Component settings() {
        slug.setId("cms-slug");
        slug.setLabel(getTranslation("cms.content.field.slug"));
        slug.setHelperText(getTranslation("cms.content.field.slug-help"));
        slug.setMaxLength(120);
        slug.setWidthFull();
        category.setId("cms-category");
        category.setLabel(getTranslation("cms.content.field.category"));
        category.setItemLabelGenerator(CategoryChoice::name);
        category.setClearButtonVisible(true);
        audiences.setId("cms-audiences");
        audiences.setLabel(getTranslation("cms.content.field.audiences"));
        audiences.setItems(Audience.values());
        audiences.setItemLabelGenerator(audience -> ContentLabels.audience(this, audience));
        audiences.addValueChangeListener(event ->
                internalRoles.setEnabled(event.getValue().contains(Audience.INTERNAL) && kind != ContentKind.DOCUMENT));
        internalRoles.setId("cms-internal-roles");
        internalRoles.setLabel(getTranslation("cms.content.field.internal-roles"));
        internalRoles.setHelperText(getTranslation("cms.content.field.internal-roles-help"));
        internalRoles.setItemLabelGenerator(RoleName::name);
        internalRoles.setWidthFull();
        publishAt.setId("cms-publish-at");
        publishAt.setLabel(getTranslation("cms.content.field.publish-at"));
        publishAt.setHelperText(getTranslation("cms.content.field.publish-at-help"));
        expireAt.setId("cms-expire-at");
        expireAt.setLabel(getTranslation("cms.content.field.expire-at"));
        Div dates = new Div(publishAt, expireAt);
        dates.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        Div all = new Div(slug, category, audiences, internalRoles, dates);
        all.getStyle().set("display", "flex").set("flex-direction", "column").set("max-width", "40rem");
        return all;
    }

    private Component attachmentsPanel() {
        upload.setId("cms-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) ContentService.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(
                ".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf", ".txt", ".csv", ".odt", ".ods", ".odp", ".docx",
                ".xlsx", ".pptx", ".zip");
        upload.setDropAllowed(true);
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(getTranslation("cms.content.upload-drop"))
                .setMany(getTranslation("cms.content.upload-drop")));
        upload.setI18n(i18n);
        upload.setUploadButton(new Button(getTranslation("cms.content.upload"), VaadinIcon.UPLOAD.create()));
        upload.addFileRejectedListener(event -> Notices.error(getTranslation("cms.content.upload-rejected")));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> inUi(ui, () -> {
            upload.clearFileList();
            try (InputStream in = new FileInputStream(file)) {
                attach(metadata.fileName(), metadata.contentType(), in);
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
        Span help = new Span(getTranslation(
                "cms.content.upload-help",
                ContentService.MAX_IMAGE_BYTES / (1024 * 1024),
                ContentService.MAX_FILE_BYTES / (1024 * 1024)));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        attachmentList.setId("cms-attachments");
        Div panel = new Div(new H3(getTranslation("cms.content.attachments")), upload, help, attachmentList);
        panel.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        return panel;
    }

    /** Stores an upload and refers to it in the open language's text. */
    void attach(String name, String contentType, InputStream in) {
        if (shown == null) {
            Notices.error(getTranslation("cms.content.save-first"));
            return;
        }
        try {
            AttachmentRow row = content.attach(shown.id(), name, contentType, in);
            String label = row.name().replace("]", "").replace("[", "");
            languages.get(openLanguage).insert((row.image() ? "!" : "") + "[" + label + "](" + row.address() + ")\n");
            showAttachments();
        } catch (CmsRuleException refusal) {
            Notices.error(message(refusal));
        }
    }

    private void showAttachments() {
        attachmentList.removeAll();
        if (shown == null) {
            attachmentList.add(new Span(getTranslation("cms.content.save-first")));
            return;
        }
        for (AttachmentRow row : content.attachments(shown.id())) {
            Anchor link = new Anchor(row.address(), row.name());
            link.setTarget("_blank");
            Span size = new Span(" · " + Format.integer(Math.max(1, row.size() / 1024)) + " KiB");
            attachmentList.add(new Div(link, size));
        }
    }

    private Component revisionsPanel() {
        revisions.setId("cms-revisions");
        revisions
                .addColumn(RevisionRow::revision)
                .setHeader(getTranslation("cms.content.revision.number"))
                .setWidth("5rem")
                .setFlexGrow(0);
        revisions
                .addColumn(row -> Format.dateTime(row.changedAt()))
                .setHeader(getTranslation("cms.content.revision.when"))
                .setWidth("9rem")
                .setFlexGrow(0);
        revisions
                .addColumn(row -> row.changedBy() == null ? "" : row.changedBy())
                .setHeader(getTranslation("cms.content.revision.who"))
                .setWidth("8rem")
                .setFlexGrow(1);
        revisions
                .addColumn(this::changes)
                .setHeader(getTranslation("cms.content.revision.fields"))
                .setWidth("12rem")
                .setFlexGrow(3);
        revisions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        revisions.setAllRowsVisible(true);
        revisions.addItemClickListener(event -> openRevision(event.getItem()));
        restore.setId("cms-restore");
        restore.setText(getTranslation("cms.content.restore"));
        restore.setVisible(false);
        restore.addClickListener(click -> confirmRestore());
        revisionView.setId("cms-revision-view");
        Div all = new Div(revisions, restore, revisionView);
        all.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        return all;
    }

    /** A revision's changed fields and note in the reader's words. */
    String changes(RevisionRow row) {
        String fields = row.changedFields().stream().map(this::fieldLabel).collect(Collectors.joining(", "));
        String note = row.note();
        if (note == null) {
            return fields;
        }
        if (note.equals("schedule")) {
            note = getTranslation("cms.content.note.schedule");
        } else if (note.startsWith("restored from ")) {
            note = getTranslation("cms.content.note.restored", note.substring("restored from ".length()));
        }
        return fields.isEmpty() ? note : fields + " — " + note;
    }

    private String fieldLabel(String field) {
        int dot = field.indexOf('.');
        String name = dot < 0 ? field : field.substring(0, dot);
        String suffix = dot < 0 ? "" : " (" + field.substring(dot + 1).toUpperCase(Locale.ROOT) + ")";
        String label = switch (name) {
            case "title" -> getTranslation("cms.content.field.title");
            case "summary" -> getTranslation("cms.content.field.summary");
            case "body" -> getTranslation("cms.content.field.text");
            case "file" -> getTranslation("cms.content.field.file");
            case "slug" -> getTranslation("cms.content.field.slug");
            case "category" -> getTranslation("cms.content.field.category");
            case "folder" -> getTranslation("cms.content.field.folder");
            case "audiences" -> getTranslation("cms.content.field.audiences");
            case "status" -> getTranslation("cms.content.field.status");
            case "publishAt" -> getTranslation("cms.content.field.publish-at");
            case "expireAt" -> getTranslation("cms.content.field.expire-at");
            default -> field;
        };
        return label + suffix;
    }

    private void showRevisions() {
        if (shown == null) {
            revisions.setItems(List.of());
            return;
        }
        revisions.setItems(content.revisions(shown.id()));
        openRevision = null;
        revisionView.removeAll();
        restore.setVisible(false);
    }

    /** A revision as it was, read-only. */
    void openRevision(RevisionRow row) {
        openRevision = row;
        ItemDetail old = content.atRevision(shown.id(), row.revision());
        revisionView.removeAll();
        revisionView.add(new H3(getTranslation("cms.content.revision.title", row.revision())));
        revisionView.add(new Paragraph(getTranslation("cms.content.field.slug") + ": " + old.slug() + " · "
                + ContentLabels.audiences(this, old.audiences())));
        for (ItemText text : old.texts().values()) {
            Div html = new Div();
            html.getElement().setProperty("innerHTML", text.bodyHtml() == null ? "" : text.bodyHtml());
            html.addClassName("cms-preview");
            revisionView.add(new H3(ContentLabels.language(this, text.language()) + ": " + text.title()), html);
        }
        restore.setVisible(mayPublish);
    }

    private void confirmRestore() {
        if (openRevision == null) {
            return;
        }
        int number = openRevision.revision();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("cms.content.restore-title", number));
        confirm.setText(getTranslation("cms.content.restore-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("cms.content.cancel"));
        confirm.setConfirmText(getTranslation("cms.content.restore"));
        confirm.addConfirmListener(event -> restore(number));
        confirm.open();
    }

    void restore(int number) {
        try {
            content.restore(shown.id(), number, shown.version());
        } catch (CmsRuleException refusal) {
            refused(refusal);
            return;
        }
        Notices.success(getTranslation("cms.content.restored", number));
        show(content.get(shown.id()));
        showRevisions();
    }

    private void showNew() {
        shown = null;
        heading.setText(getTranslation("cms.content.new-title", ContentLabels.kind(this, kind)));
        status.setText(ContentLabels.status(this, ContentStatus.DRAFT));
        status.getElement().setAttribute("theme", ContentLabels.statusTheme(ContentStatus.DRAFT));
        revision.setText("");
        languages.values().forEach(tab -> tab.show(null));
        slug.clear();
        loadPickers();
        category.clear();
        audiences.setValue(EnumSet.of(Audience.INTERNAL));
        internalRoles.clear();
        publishAt.clear();
        expireAt.clear();
        clearProblem();
        refreshButtons();
        showAttachments();
        PageTitles.refresh(this);
    }

    void show(ItemDetail item) {
        shown = item;
        kind = item.kind();
        loadPickers();
        ContentLanguage mine = ContentLanguage.of(getLocale());
        ItemText title = item.texts().getOrDefault(mine, item.texts().get(mine.other()));
        heading.setText(title == null ? item.slug() : title.title());
        status.setText(ContentLabels.status(this, item.status()));
        status.getElement().setAttribute("theme", ContentLabels.statusTheme(item.status()));
        revision.setText(
                getTranslation("cms.content.revision-of", ContentLabels.kind(this, item.kind()), item.revision()));
        for (ContentLanguage language : ContentLanguage.values()) {
            languages.get(language).show(item.texts().get(language));
        }
        slug.setValue(item.slug());
        category.setValue(category.getListDataView()
                .getItems()
                .filter(choice -> choice.id().equals(item.categoryId()))
                .findFirst()
                .orElse(null));
        audiences.setValue(item.audiences());
        internalRoles.setValue(internalRoles
                .getListDataView()
                .getItems()
                .filter(role -> item.internalRoles().contains(role.id()))
                .collect(Collectors.toSet()));
        publishAt.setValue(local(item.publishAt()));
        expireAt.setValue(local(item.expireAt()));
        clearProblem();
        refreshButtons();
        showAttachments();
        PageTitles.refresh(this);
    }

    private void loadPickers() {
        category.setItems(
                kind == ContentKind.ARTICLE ? content.categories(ContentLanguage.of(getLocale())) : List.of());
        category.setVisible(kind == ContentKind.ARTICLE);
        internalRoles.setItems(roleDirectory.roles());
        // A document's audience is its folder's (the library sets it).
        audiences.setReadOnly(kind == ContentKind.DOCUMENT);
        internalRoles.setEnabled(audiences.getValue().contains(Audience.INTERNAL) && kind != ContentKind.DOCUMENT);
    }

    private void refreshButtons() {
        boolean live = shown != null
                && (shown.status() == ContentStatus.PUBLISHED || shown.status() == ContentStatus.SCHEDULED);
        publish.setVisible(mayPublish && !live);
        unpublish.setVisible(mayPublish && live);
        delete.setVisible(shown != null);
        if (revisionsTab != null) {
            revisionsTab.setEnabled(shown != null);
        }
    }

    ItemDraft draft() {
        Map<ContentLanguage, TextDraft> texts = new EnumMap<>(ContentLanguage.class);
        languages.forEach((language, tab) -> {
            if (tab.written()) {
                texts.put(language, tab.draft());
            }
        });
        Set<UUID> roles = internalRoles.getValue().stream().map(RoleName::id).collect(Collectors.toSet());
        return new ItemDraft(
                kind,
                slug.getValue(),
                category.getValue() == null ? null : category.getValue().id(),
                shown == null ? null : shown.folderId(),
                new LinkedHashSet<>(audiences.getValue()),
                roles,
                instant(publishAt.getValue()),
                instant(expireAt.getValue()),
                texts);
    }

    /** Saves what is on screen; true when it was saved. */
    boolean save() {
        clearProblem();
        try {
            if (shown == null) {
                UUID id = content.create(draft());
                Notices.success(getTranslation("cms.content.saved"));
                shown = content.get(id);
                getUI().ifPresent(ui -> ui.navigate(existing(id)));
                return true;
            }
            content.update(shown.id(), shown.version(), draft(), null);
        } catch (CmsRuleException refusal) {
            refused(refusal);
            return false;
        }
        Notices.success(getTranslation("cms.content.saved"));
        show(content.get(shown.id()));
        return true;
    }

    void publish() {
        if (!save() || shown == null) {
            return;
        }
        try {
            content.publish(shown.id(), shown.version());
        } catch (CmsRuleException refusal) {
            refused(refusal);
            return;
        }
        ItemDetail now = content.get(shown.id());
        if (now.status() == ContentStatus.SCHEDULED) {
            Notices.success(getTranslation("cms.content.scheduled"));
        } else {
            Notices.success(getTranslation("cms.content.published"));
        }
        show(now);
    }

    void unpublish() {
        try {
            content.unpublish(shown.id(), shown.version());
        } catch (CmsRuleException refusal) {
            refused(refusal);
            return;
        }
        Notices.success(getTranslation("cms.content.unpublished"));
        show(content.get(shown.id()));
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("cms.content.delete-title"));
        confirm.setText(getTranslation("cms.content.delete-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("cms.content.cancel"));
        confirm.setConfirmText(getTranslation("cms.content.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> deleteShown());
        confirm.open();
    }

    void deleteShown() {
        try {
            content.delete(shown.id(), shown.version());
        } catch (CmsRuleException refusal) {
            refused(refusal);
            return;
        }
        Notices.success(getTranslation("cms.content.deleted"));
        getUI().ifPresent(ui -> ui.navigate(ContentListView.class));
    }

    private void reloadShown() {
        if (shown != null) {
            show(content.get(shown.id()));
        }
    }

    /** A refusal: on its field when it has one, otherwise above the tabs; always as a notification too. */
    void refused(CmsRuleException refusal) {
        String text = message(refusal);
        Optional<HasValidation> field = fieldOf(refusal.field());
        if (field.isPresent()) {
            field.get().setErrorMessage(text);
            field.get().setInvalid(true);
            selectTabOf(refusal.field());
        } else {
            problem.setText(text);
            problem.setVisible(true);
            reload.setVisible("cms.error.concurrent".equals(refusal.messageKey()));
        }
        Notices.error(text);
    }

    private String message(CmsRuleException refusal) {
        return getTranslation(refusal.messageKey(), refusal.arguments());
    }

    private Optional<HasValidation> fieldOf(String field) {
        if (field == null) {
            return Optional.empty();
        }
        for (LanguageTab tab : languages.values()) {
            String code = tab.language.code();
            if (field.equals("title." + code)) {
                return Optional.of(tab.title);
            }
            if (field.equals("summary." + code)) {
                return Optional.of(tab.summary);
            }
            if (field.equals("body." + code)) {
                return Optional.of(tab.body);
            }
        }
        return switch (field) {
            case "texts" -> Optional.of(languages.get(ContentLanguage.ES).title);
            case "slug" -> Optional.of(slug);
            case "categoryId" -> Optional.of(category);
            case "audiences" -> Optional.of(audiences);
            case "publishAt" -> Optional.of(publishAt);
            case "expireAt" -> Optional.of(expireAt);
            default -> Optional.empty();
        };
    }

    private void selectTabOf(String field) {
        if (field.endsWith(".en")) {
            tabs.setSelectedIndex(1);
        } else if (field.endsWith(".es") || field.equals("texts")) {
            tabs.setSelectedIndex(0);
        } else {
            tabs.setSelectedIndex(2);
        }
    }

    private void clearProblem() {
        problem.setVisible(false);
        reload.setVisible(false);
        List<HasValidation> fields = new ArrayList<>(List.of(slug, category, audiences, publishAt, expireAt));
        for (LanguageTab tab : languages.values()) {
            fields.addAll(List.of(tab.title, tab.summary, tab.body));
        }
        fields.forEach(field -> field.setInvalid(false));
    }

    private ZoneId zone() {
        return Format.zone(UI.getCurrent());
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private static void inUi(UI ui, Runnable command) {
        if (ui.getSession().hasLock()) {
            command.run();
        } else {
            ui.access(command::run);
        }
    }

    @Override
    public String getPageTitle() {
        return shown == null
                ? getTranslation("cms.content.new-title", ContentLabels.kind(this, kind))
                : heading.getText();
    }
}

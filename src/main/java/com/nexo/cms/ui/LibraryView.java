package com.nexo.cms.ui;

import com.nexo.base.RuleException;
import com.nexo.base.paging.Page;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.library.DocumentRow;
import com.nexo.cms.library.FolderRow;
import com.nexo.cms.library.LibraryService;
import com.nexo.cms.search.CmsSearch;
import com.nexo.cms.search.SearchHit;
import com.nexo.security.CurrentUser;
import com.nexo.security.RoleDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The document library: the folders the user may see on the left (with their audiences), the
 * documents of the chosen one on the right with download, upload and replacement for the folder's
 * editors, earlier versions, publication, and a search over the documents' titles and text.
 */
@Route("cms/library")
@RolesAllowed(CmsPermissions.READ)
@Menu(title = "menu.cms.library", order = 60.2, icon = "vaadin:folder-open")
public class LibraryView extends Main implements HasDynamicTitle {

    private final transient LibraryService library;
    private final transient ContentService content;
    private final transient CmsSearch search;
    private final transient RoleDirectory directory;
    private final ContentLanguage language;

    final Grid<FolderRow> folders = new Grid<>();
    final Grid<DocumentRow> documents = new Grid<>();
    private PagedList<DocumentRow, UUID> documentList;
    final TextField query = new TextField();
    final SearchHitList hits = new SearchHitList();
    final H3 folderTitle = new H3();
    final Button newFolder = new Button();
    final Button editFolder = new Button();
    final Button upload = new Button();
    final Button replace = new Button();
    final Button versions = new Button();
    final Button publish = new Button();
    final Button unpublish = new Button();
    private final Span empty = new Span();
    /** The dialog last opened, for the tests. */
    FolderDialog folderDialog;

    DocumentUploadDialog uploadDialog;
    DocumentVersionsDialog versionsDialog;
    private Map<UUID, Integer> depths = new HashMap<>();

    public LibraryView(LibraryService library, ContentService content, CmsSearch search, RoleDirectory directory) {
        this.library = library;
        this.content = content;
        this.search = search;
        this.directory = directory;
        this.language = ContentLanguage.of(getLocale());
        addClassNames("list-view", "cms-library");

        configureFolders();
        configureDocuments();

        query.setPlaceholder(getTranslation("cms.library.search"));
        query.setAriaLabel(getTranslation("cms.library.search"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.addValueChangeListener(event -> showHits());
        query.setWidthFull();
        query.setMaxLength(200);

        newFolder.setText(getTranslation("cms.library.folder.new"));
        newFolder.setIcon(VaadinIcon.PLUS.create());
        newFolder.addClickListener(click -> openFolderDialog(null));
        editFolder.setText(getTranslation("cms.library.folder.edit"));
        editFolder.setIcon(VaadinIcon.EDIT.create());
        editFolder.addClickListener(click -> selectedFolder().ifPresent(this::openFolderDialog));
        boolean managesFolders = CurrentUser.can(CmsPermissions.FOLDERS);
        newFolder.setVisible(managesFolders);
        editFolder.setVisible(managesFolders);

        upload.setText(getTranslation("cms.library.upload"));
        upload.setIcon(VaadinIcon.UPLOAD.create());
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        upload.addClickListener(click -> selectedFolder().ifPresent(folder -> {
            uploadDialog = new DocumentUploadDialog(library, folder.id(), null, language, this::refresh);
            uploadDialog.open();
        }));
        replace.setText(getTranslation("cms.library.replace"));
        replace.setIcon(VaadinIcon.REFRESH.create());
        replace.addClickListener(click -> selectedDocument().ifPresent(document -> {
            uploadDialog = new DocumentUploadDialog(library, null, document, language, this::refresh);
            uploadDialog.open();
        }));
        versions.setText(getTranslation("cms.library.versions"));
        versions.setIcon(VaadinIcon.TIME_BACKWARD.create());
        versions.addClickListener(click -> selectedDocument().ifPresent(document -> {
            versionsDialog = new DocumentVersionsDialog(library, content, document, language);
            versionsDialog.open();
        }));
        publish.setText(getTranslation("cms.library.publish"));
        publish.addClickListener(click -> changePublication(true));
        unpublish.setText(getTranslation("cms.library.unpublish"));
        unpublish.addClickListener(click -> changePublication(false));

        Div folderActions = new Div(newFolder, editFolder);
        folderActions.addClassName("list-actions");
        Div folderPane = new Div(new H3(getTranslation("cms.library.folders")), folderActions, folders);
        folderPane.addClassName("cms-library-folders");
        folderPane.getStyle().set("flex", "1 1 16rem").set("min-width", "0").set("max-width", "100%");

        Div documentActions = new Div(upload, replace, versions, publish, unpublish);
        documentActions.addClassName("list-actions");
        documentActions
                .getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "0.5rem");
        empty.addClassName("cms-library-empty");
        Div documentPane = new Div(query, hits, folderTitle, documentActions, documents, empty);
        documentPane.addClassName("cms-library-documents");
        documentPane.getStyle().set("flex", "3 1 30rem").set("min-width", "0").set("max-width", "100%");

        Div panes = new Div(folderPane, documentPane);
        panes.addClassName("cms-library-panes");
        // Side by side when there is room; on a narrow screen the folders stack above the documents.
        panes.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-l)")
                .set("align-items", "flex-start");
        add(new H2(getTranslation("cms.library.title")), panes);
        setWidthFull();
        loadFolders(null);
    }

    private void configureFolders() {
        folders.addClassName("cms-folder-grid");
        folders.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        folders.setAllRowsVisible(true);
        folders.addComponentColumn(this::folderCell).setHeader(getTranslation("cms.library.folder"));
        // A folder stays chosen: clicking it again does not leave the documents pane without one.
        ((com.vaadin.flow.component.grid.GridSingleSelectionModel<FolderRow>) folders.getSelectionModel())
                .setDeselectAllowed(false);
        folders.addSelectionListener(selection -> showFolder());
    }

    private Div folderCell(FolderRow folder) {
        Span name = new Span(folder.name());
        name.addClassName("cms-folder-name");
        Span count = new Span(" (" + folder.documents() + ")");
        count.addClassName("cms-folder-count");
        Div chips = new Div();
        chips.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.25rem");
        folder.audiences().stream().sorted().forEach(audience -> chips.add(LibraryTexts.chip(this, audience)));
        Div cell = new Div(new Div(VaadinIcon.FOLDER_O.create(), name, count), chips);
        cell.getStyle()
                .set("padding-left", (depths.getOrDefault(folder.id(), 0) * 1.25) + "rem")
                .set("white-space", "normal");
        return cell;
    }

    private void configureDocuments() {
        documents.addClassNames("list-grid", "cms-document-grid");
        // Lazy: a folder may hold thousands of documents, read a page at a time as the user scrolls.
        documentList = PagedList.bind(
                documents,
                orders -> selectedFolder().map(FolderRow::id).orElse(null),
                (folder, after, limit) ->
                        folder == null ? Page.empty() : library.documents(folder, language, after, limit));
        // The title carries the file's name, type and size beneath it: the pane beside the folders
        // has room for few columns, and none may be cut.
        documents
                .addComponentColumn(this::titleCell)
                .setHeader(getTranslation("cms.library.column.title"))
                .setFlexGrow(1);
        Grid.Column<DocumentRow> updated = documents
                .addColumn(row -> Format.dateTime(row.updatedAt()))
                .setHeader(getTranslation("cms.library.column.updated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<DocumentRow> revision = documents
                .addColumn(DocumentRow::revision)
                .setHeader(getTranslation("cms.library.column.revision"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        documents
                .addColumn(row -> LibraryTexts.status(this, row.status()))
                .setHeader(getTranslation("cms.library.column.state"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        documents
                .addComponentColumn(this::downloadLink)
                .setHeader(getTranslation("cms.library.column.file-download"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(documents, 1400, List.of(updated, revision));
        documents.addSelectionListener(selection -> updateButtons());
    }

    private Div titleCell(DocumentRow row) {
        Div cell = new Div(new Span(row.title()));
        cell.getStyle().set("white-space", "normal");
        if (row.fileName() != null) {
            Span file = new Span(row.fileName() + " · " + typeOf(row.fileName()) + " · "
                    + LibraryTexts.size(row.fileSize(), getLocale()));
            file.addClassName("cms-document-file");
            file.getStyle()
                    .set("display", "block")
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("overflow-wrap", "anywhere");
            cell.add(file);
        }
        return cell;
    }

    private Span downloadLink(DocumentRow row) {
        if (row.fileName() == null) {
            return new Span();
        }
        UUID id = row.id();
        ContentLanguage wanted = row.titleLanguage();
        DownloadLink link = new DownloadLink(
                getTranslation("cms.library.download"),
                row.fileName(),
                row.fileType() == null ? "application/octet-stream" : row.fileType(),
                out -> library.download(id, wanted, out));
        link.addClassName("cms-download");
        return new Span(link);
    }

    private static String typeOf(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return "";
        }
        return fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT);
    }

    private java.util.Optional<FolderRow> selectedFolder() {
        return folders.getSelectedItems().stream().findFirst();
    }

    private java.util.Optional<DocumentRow> selectedDocument() {
        return documents.getSelectedItems().stream().findFirst();
    }

    private void loadFolders(UUID keep) {
        List<FolderRow> rows = library.folders();
        depths = new HashMap<>();
        for (FolderRow row : rows) {
            depths.put(row.id(), row.parentId() == null ? 0 : depths.getOrDefault(row.parentId(), -1) + 1);
        }
        folders.setItems(rows);
        FolderRow chosen = rows.stream()
                .filter(row -> row.id().equals(keep))
                .findFirst()
                .orElse(rows.isEmpty() ? null : rows.getFirst());
        if (chosen != null) {
            folders.select(chosen);
        } else {
            showFolder();
        }
    }

    private void showFolder() {
        java.util.Optional<FolderRow> folder = selectedFolder();
        folderTitle.setText(folder.map(FolderRow::name).orElse(""));
        documentList.refresh();
        // The folder's count is what this user may read in it (drafts for its editors, as the list).
        boolean none = folder.map(f -> f.documents() == 0).orElse(true);
        empty.setText(
                folder.isEmpty()
                        ? getTranslation("cms.library.no-folders")
                        : none ? getTranslation("cms.library.no-documents") : "");
        empty.setVisible(none);
        documents.setVisible(!none);
        updateButtons();
    }

    private void updateButtons() {
        java.util.Optional<FolderRow> folder = selectedFolder();
        java.util.Optional<DocumentRow> document = selectedDocument();
        boolean editsFolder = folder.map(FolderRow::editable).orElse(false);
        upload.setVisible(editsFolder);
        replace.setVisible(editsFolder);
        replace.setEnabled(document.isPresent());
        versions.setVisible(CurrentUser.can(CmsPermissions.EDIT));
        versions.setEnabled(document.isPresent());
        editFolder.setEnabled(folder.isPresent());
        boolean publishes = CurrentUser.can(CmsPermissions.PUBLISH);
        ContentStatus status = document.map(DocumentRow::status).orElse(null);
        publish.setVisible(publishes);
        unpublish.setVisible(publishes);
        publish.setEnabled(status != null && status != ContentStatus.PUBLISHED);
        unpublish.setEnabled(status == ContentStatus.PUBLISHED || status == ContentStatus.SCHEDULED);
    }

    private void changePublication(boolean toPublish) {
        selectedDocument().ifPresent(document -> {
            try {
                if (toPublish) {
                    content.publish(document.id(), document.version());
                    Notices.success(getTranslation("cms.library.published", document.title()));
                } else {
                    content.unpublish(document.id(), document.version());
                    Notices.success(getTranslation("cms.library.unpublished", document.title()));
                }
            } catch (RuleException refusal) {
                Notices.error(LibraryTexts.refusal(this, refusal));
            }
            refresh();
        });
    }

    private void openFolderDialog(FolderRow editing) {
        folderDialog = new FolderDialog(library, directory, library.folders(), editing, this::loadFolders);
        folderDialog.open();
    }

    /** Reads the folders and the chosen folder's documents again (after an upload, a change...). */
    void refresh() {
        loadFolders(selectedFolder().map(FolderRow::id).orElse(null));
    }

    private void showHits() {
        String words = query.getValue();
        if (words == null || words.isBlank()) {
            hits.clear();
            return;
        }
        hits.show(
                search.search(words, ContentKind.DOCUMENT, language, 20),
                getTranslation("cms.library.search-none"),
                hit -> {
                    Span title = new Span(hit.title());
                    title.getStyle().set("font-weight", "600");
                    return title;
                },
                hit -> new DownloadLink(
                        getTranslation("cms.library.download"),
                        downloadName(hit),
                        "application/octet-stream",
                        out -> library.download(hit.itemId(), hit.language(), out)));
    }

    private String downloadName(SearchHit hit) {
        return library.currentFile(hit.itemId(), hit.language())
                .map(com.nexo.base.files.StoredFile::name)
                .orElse(hit.title());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cms.library.title");
    }
}

package com.nexo.support.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.security.Roles;
import com.nexo.support.SupportRuleException;
import com.nexo.support.requests.AccountDocuments;
import com.nexo.support.requests.DocumentRow;
import com.nexo.support.requests.NewFile;
import com.nexo.support.requests.PortalRequests;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

/**
 * "My files": the client uploads files to its account's documents, lists them a page at a time
 * (newest first), downloads them and deletes those it uploaded itself.
 */
@Route("portal/files")
@RolesAllowed(Roles.CLIENT)
@Menu(title = "support.menu.files", order = 51.0, icon = "vaadin:folder-open-o")
public class ClientFilesView extends Main implements HasDynamicTitle {

    private final transient AccountDocuments documents;
    final Upload upload = new Upload();
    final Grid<DocumentRow> grid = new Grid<>();
    private final PagedList<DocumentRow, Boolean> list;

    public ClientFilesView(AccountDocuments documents) {
        this.documents = documents;
        addClassNames("list-view", "support-client-files");
        UI ui = UI.getCurrent();
        upload.setMaxFileSize((int) PortalRequests.MAX_FILE_BYTES);
        upload.setDropLabel(new Span(getTranslation("support.files.drop-documents")));
        upload.addFileRejectedListener(rejected -> Notices.error(getTranslation(
                "support.files.rejected", PortalRequests.MAX_FILES, PortalRequests.MAX_FILE_BYTES / (1024 * 1024))));
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> {
            String error = null;
            try {
                documents.upload(new NewFile(metadata.fileName(), metadata.contentType(), file.toPath()));
            } catch (RuleException refusal) {
                error = SupportLabels.refusal(this, refusal);
            } finally {
                file.delete();
            }
            String message = error;
            inUi(ui, () -> {
                if (message == null) {
                    Notices.success(getTranslation("support.files.uploaded", metadata.fileName()));
                    refresh();
                } else {
                    Notices.error(message);
                }
            });
        }));

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> GridCells.twoLines(
                        row.name(),
                        getTranslation(
                                "support.files.uploaded-by", row.uploadedByName(), Format.dateTime(row.createdAt()))))
                .setHeader(getTranslation("support.files.name"))
                .setFlexGrow(3);
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader(getTranslation("support.files.actions"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("support.files.empty"));
        list = PagedList.bind(grid, orders -> Boolean.TRUE, (query, after, limit) -> documents.mine(after, limit));
        add(upload, grid);
        setSizeFull();
    }

    private Div actions(DocumentRow row) {
        DownloadLink download = new DownloadLink(
                getTranslation("support.files.download"),
                row.name(),
                Conversation.servedType(row.contentType()),
                out -> documents.downloadMine(row.id(), out));
        Div actions = new Div(download);
        if (row.mine()) {
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.addClickListener(click -> {
                try {
                    documents.delete(row.id());
                    Notices.success(getTranslation("support.files.deleted", row.name()));
                } catch (SupportRuleException refusal) {
                    Notices.error(SupportLabels.refusal(this, refusal));
                }
                list.refresh();
            });
            actions.add(delete);
        }
        return actions;
    }

    private void refresh() {
        list.refresh();
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
        return getTranslation("support.files.title");
    }
}

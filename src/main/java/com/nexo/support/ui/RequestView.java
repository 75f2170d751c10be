package com.nexo.support.ui;

import com.nexo.base.paging.Page;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.PagedList;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.nexo.support.Requester;
import com.nexo.support.SupportPermissions;
import com.nexo.support.requests.AccountDocuments;
import com.nexo.support.requests.DocumentRow;
import com.nexo.support.requests.RequestDesk;
import com.nexo.support.requests.RequestDetail;
import com.nexo.support.requests.RequestRoutes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A portal actor's request in the back office: the requester's kind (client, supplier, professional),
 * its account and who opened it, the conversation with the files of both sides, the files its account
 * uploaded to its documents, and, for those who may answer, the answer with its files (the requester is
 * mailed and downloads them), the assignee and closing. A change made meanwhile by the requester or a
 * colleague is refused and the request reloaded.
 */
@Route(RequestRoutes.DESK + "/:id")
@RolesAllowed(SupportPermissions.READ)
public class RequestView extends RequestPage {

    private final transient RequestDesk desk;
    private final boolean canAnswer = CurrentUser.can(SupportPermissions.ANSWER);

    final Div answerArea = new Div();
    final TextArea answer = new TextArea();
    /** The answer's files: handed to the requester's account with the answer. */
    final AttachmentPicker files = new AttachmentPicker();

    final Button send = new Button();
    final ComboBox<UserDirectory.UserName> assignee = new ComboBox<>();
    final Button close = new Button();
    /** The files the client's account uploaded to its documents, outside requests. */
    final Grid<DocumentRow> accountFiles = new Grid<>();

    private final Details filesSection;
    private final PagedList<DocumentRow, UUID> accountFileList;

    public RequestView(RequestDesk desk, AccountDocuments documents) {
        super("support.desk.title", desk::download);
        this.desk = desk;
        answer.setLabel(getTranslation("support.desk.answer"));
        answer.setMinRows(4);
        answer.setWidthFull();
        send.setText(getTranslation("support.desk.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> sendMessage(
                answer,
                files,
                (request, text, newFiles) -> desk.answer(request.id(), request.version(), text, newFiles),
                getTranslation("support.desk.sent")));
        assignee.setLabel(getTranslation("support.desk.assignee"));
        assignee.setItemLabelGenerator(UserDirectory.UserName::displayName);
        assignee.setClearButtonVisible(true);
        close.setText(getTranslation("support.desk.close"));
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        close.addClickListener(
                click -> change(() -> desk.close(shown.id(), shown.version()), getTranslation("support.desk.closed")));
        Div actions = new Div(send, close);
        actions.addClassName("form-actions");
        answerArea.addClassName("support-reply");
        answerArea.add(answer, files, actions);
        accountFiles.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        accountFiles.setAllRowsVisible(true);
        accountFiles
                .addComponentColumn(row -> GridCells.twoLines(
                        row.name(),
                        getTranslation(
                                "support.files.uploaded-by", row.uploadedByName(), Format.dateTime(row.createdAt()))))
                .setHeader(getTranslation("support.files.name"))
                .setFlexGrow(3);
        accountFiles
                .addComponentColumn(row -> new DownloadLink(
                        getTranslation("support.files.download"),
                        row.name(),
                        Conversation.servedType(row.contentType()),
                        out -> documents.download(row.id(), out)))
                .setAutoWidth(true);
        accountFiles.setEmptyStateText(getTranslation("support.files.empty-account"));
        filesSection = new Details(getTranslation("support.desk.account-files"), accountFiles);
        filesSection.addClassName("support-account-files");
        add(filesSection);
        accountFileList = PagedList.bind(
                accountFiles,
                orders -> shown == null ? null : shown.partyId(),
                (party, after, limit) -> party == null ? Page.empty() : documents.ofAccount(party, after, limit));
        if (canAnswer) {
            assignee.setItems(desk.assignees());
            assignee.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    UserDirectory.UserName user = change.getValue();
                    change(
                            () -> desk.assign(shown.id(), shown.version(), user == null ? null : user.id()),
                            getTranslation("support.desk.assigned"));
                }
            });
            add(assignee, answerArea);
        }
    }

    @Override
    RequestDetail read(UUID id) {
        return desk.read(id);
    }

    @Override
    List<Component> moreFacts(RequestDetail request) {
        return List.of(
                SupportLabels.requesterBadge(this, request.requester()),
                new Span(getTranslation(
                        "support.desk.opened-by",
                        Objects.toString(request.accountName(), ""),
                        request.openedByName(),
                        Format.dateTime(request.createdAt()))));
    }

    @Override
    void showRest(RequestDetail request) {
        // "My files" belong to clients' accounts only.
        filesSection.setVisible(request.requester() == Requester.CLIENT);
        accountFileList.refresh();
        if (canAnswer) {
            assignee.setValue(assignee.getListDataView()
                    .getItems()
                    .filter(user -> user.id().equals(request.assignedTo()))
                    .findFirst()
                    .orElse(null));
            answerArea.setVisible(!request.isClosed());
        }
    }
}

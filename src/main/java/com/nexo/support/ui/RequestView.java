package com.nexo.support.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.base.ui.PagedList;
import com.nexo.security.CurrentUser;
import com.nexo.security.UserDirectory;
import com.nexo.support.SupportPermissions;
import com.nexo.support.SupportRuleException;
import com.nexo.support.requests.AccountDocuments;
import com.nexo.support.requests.DocumentRow;
import com.nexo.support.requests.RequestDesk;
import com.nexo.support.requests.RequestDetail;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's request in the back office: the account and who opened it, the conversation with the
 * files of both sides, the files its account uploaded to its documents, and, for those who may answer,
 * the answer with its files (the client is mailed and downloads them), the assignee and closing. A
 * change made meanwhile by the client or a colleague is refused and the request reloaded.
 */
@Route("support/requests/:id")
@RolesAllowed(SupportPermissions.READ)
public class RequestView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient RequestDesk desk;
    private final transient AccountDocuments documents;
    private final boolean canAnswer = CurrentUser.can(SupportPermissions.ANSWER);
    private RequestDetail shown;

    final H2 title = new H2();
    final Div facts = new Div();
    final Conversation conversation;
    final Div answerArea = new Div();
    final TextArea answer = new TextArea();
    /** The answer's files: handed to the client's account with the answer. */
    final AttachmentPicker files = new AttachmentPicker();

    final Button send = new Button();
    final ComboBox<UserDirectory.UserName> assignee = new ComboBox<>();
    final Button close = new Button();
    /** The files the client's account uploaded to its documents, outside requests. */
    final Grid<DocumentRow> accountFiles = new Grid<>();

    private PagedList<DocumentRow, UUID> accountFileList;

    public RequestView(RequestDesk desk, AccountDocuments documents) {
        this.desk = desk;
        this.documents = documents;
        addClassNames("record-view", "support-request");
        conversation = new Conversation(desk::download);
        facts.addClassName("support-facts");
        answer.setLabel(getTranslation("support.desk.answer"));
        answer.setMinRows(4);
        answer.setWidthFull();
        send.setText(getTranslation("support.desk.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> sendAnswer());
        assignee.setLabel(getTranslation("support.desk.assignee"));
        assignee.setItemLabelGenerator(UserDirectory.UserName::displayName);
        assignee.setClearButtonVisible(true);
        close.setText(getTranslation("support.desk.close"));
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        close.addClickListener(click -> closeRequest());
        Div actions = new Div(send, close);
        actions.addClassName("form-actions");
        answerArea.addClassName("support-reply");
        answerArea.add(answer, files, actions);
        add(title, facts, conversation);
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
        Details filesSection = new Details(getTranslation("support.desk.account-files"), accountFiles);
        filesSection.addClassName("support-account-files");
        add(filesSection);
        if (canAnswer) {
            assignee.setItems(desk.assignees());
            assignee.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    assign(change.getValue());
                }
            });
            add(assignee, answerArea);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        if (id.isEmpty() || !load(id.get())) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private boolean load(UUID id) {
        try {
            shown = desk.read(id);
        } catch (SupportRuleException e) {
            return false;
        }
        title.setText(shown.subject());
        facts.removeAll();
        facts.add(
                SupportLabels.stateBadge(this, shown.state()),
                new Span(SupportLabels.category(this, shown.category())),
                new Span(getTranslation(
                        "support.desk.opened-by",
                        Objects.toString(shown.accountName(), ""),
                        shown.openedByName(),
                        Format.dateTime(shown.createdAt()))));
        conversation.show(shown);
        if (accountFileList == null) {
            accountFileList = PagedList.bind(
                    accountFiles,
                    orders -> shown.partyId(),
                    (party, after, limit) -> documents.ofAccount(party, after, limit));
        } else {
            accountFileList.refresh();
        }
        if (canAnswer) {
            assignee.setValue(assignee.getListDataView()
                    .getItems()
                    .filter(user -> user.id().equals(shown.assignedTo()))
                    .findFirst()
                    .orElse(null));
            answerArea.setVisible(!shown.isClosed());
        }
        PageTitles.refresh(this);
        return true;
    }

    private void sendAnswer() {
        answer.setInvalid(false);
        try {
            desk.answer(shown.id(), shown.version(), answer.getValue(), files.files());
            files.clear();
            answer.clear();
            Notices.success(getTranslation("support.desk.sent"));
        } catch (SupportRuleException refusal) {
            if ("text".equals(refusal.field())) {
                answer.setErrorMessage(SupportLabels.refusal(this, refusal));
                answer.setInvalid(true);
                return;
            }
            // What was typed (and the files) stays: the user reads what changed and sends again.
            Notices.error(changedOr(refusal));
        }
        load(shown.id());
    }

    private void assign(UserDirectory.UserName user) {
        try {
            desk.assign(shown.id(), shown.version(), user == null ? null : user.id());
            Notices.success(getTranslation("support.desk.assigned"));
        } catch (SupportRuleException refusal) {
            Notices.error(changedOr(refusal));
        }
        load(shown.id());
    }

    private void closeRequest() {
        try {
            desk.close(shown.id(), shown.version());
            Notices.success(getTranslation("support.desk.closed"));
        } catch (SupportRuleException refusal) {
            Notices.error(changedOr(refusal));
        }
        load(shown.id());
    }

    private String changedOr(SupportRuleException refusal) {
        return "error.concurrent-edit".equals(refusal.messageKey())
                ? getTranslation("support.request.changed")
                : SupportLabels.refusal(this, refusal);
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("support.desk.title") : shown.subject();
    }
}

package com.nexo.support.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.security.Roles;
import com.nexo.support.SupportRuleException;
import com.nexo.support.requests.ClientRequests;
import com.nexo.support.requests.RequestDetail;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import java.util.Optional;
import java.util.UUID;

/**
 * One of the client's requests: its conversation with the files of each message, a reply with files
 * while it is not closed, and closing it. Opening it marks its answer read. Another account's request
 * is "page not found", as one that does not exist.
 */
@Route("portal/requests/:id")
@RolesAllowed(Roles.CLIENT)
public class ClientRequestView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ClientRequests requests;
    private RequestDetail shown;

    final H2 title = new H2();
    final Div facts = new Div();
    final Conversation conversation;
    final Div replyArea = new Div();
    final TextArea reply = new TextArea();
    final AttachmentPicker files = new AttachmentPicker();
    final Button send = new Button();
    final Button close = new Button();

    public ClientRequestView(ClientRequests requests) {
        this.requests = requests;
        addClassNames("record-view", "support-request");
        conversation = new Conversation(requests::download);
        facts.addClassName("support-facts");
        reply.setLabel(getTranslation("support.reply.label"));
        reply.setMinRows(3);
        reply.setWidthFull();
        send.setText(getTranslation("support.reply.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> sendReply());
        close.setText(getTranslation("support.portal.close"));
        close.addClickListener(click -> closeRequest());
        Div actions = new Div(send, close);
        actions.addClassName("form-actions");
        replyArea.addClassName("support-reply");
        replyArea.add(reply, files, actions);
        add(title, facts, conversation, replyArea);
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
            shown = requests.read(id);
        } catch (SupportRuleException e) {
            return false;
        }
        title.setText(shown.subject());
        facts.removeAll();
        facts.add(
                SupportLabels.stateBadge(this, shown.state()),
                new Span(SupportLabels.category(this, shown.category())),
                new Span(getTranslation("support.request.opened-at", Format.dateTime(shown.createdAt()))));
        conversation.show(shown);
        replyArea.setVisible(!shown.isClosed());
        PageTitles.refresh(this);
        return true;
    }

    private void sendReply() {
        reply.setInvalid(false);
        try {
            requests.reply(shown.id(), reply.getValue(), files.files());
            files.clear();
            reply.clear();
            Notices.success(getTranslation("support.reply.sent"));
        } catch (SupportRuleException refusal) {
            if ("text".equals(refusal.field())) {
                reply.setErrorMessage(SupportLabels.refusal(this, refusal));
                reply.setInvalid(true);
                return;
            }
            Notices.error(SupportLabels.refusal(this, refusal));
        }
        load(shown.id());
    }

    private void closeRequest() {
        try {
            requests.close(shown.id(), shown.version());
            Notices.success(getTranslation("support.portal.closed"));
        } catch (SupportRuleException refusal) {
            Notices.error(getTranslation("support.request.changed"));
        }
        load(shown.id());
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("support.portal.title") : shown.subject();
    }
}

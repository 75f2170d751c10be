package com.nexo.support.ui;

import com.nexo.base.ui.Format;
import com.nexo.security.Roles;
import com.nexo.support.requests.PortalRequests;
import com.nexo.support.requests.RequestDetail;
import com.nexo.support.requests.RequestRoutes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * One of the portal actor's requests (a client's, a supplier's or a professional's): its conversation
 * with the files of each message, a reply with files while it is not closed, and closing it. Opening
 * it marks its answer read. Another account's request, or one opened from another portal, is "page not
 * found", as one that does not exist.
 */
@Route(RequestRoutes.PORTAL + "/:id")
@RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
public class PortalRequestView extends RequestPage {

    private final transient PortalRequests requests;

    final Div replyArea = new Div();
    final TextArea reply = new TextArea();
    final AttachmentPicker files = new AttachmentPicker();
    final Button send = new Button();
    final Button close = new Button();

    public PortalRequestView(PortalRequests requests) {
        super("support.portal.title", requests::download);
        this.requests = requests;
        reply.setLabel(getTranslation("support.reply.label"));
        reply.setMinRows(3);
        reply.setWidthFull();
        send.setText(getTranslation("support.reply.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> sendMessage(
                reply,
                files,
                (request, text, newFiles) -> requests.reply(request.id(), text, newFiles),
                getTranslation("support.reply.sent")));
        close.setText(getTranslation("support.portal.close"));
        close.addClickListener(click ->
                change(() -> requests.close(shown.id(), shown.version()), getTranslation("support.portal.closed")));
        Div actions = new Div(send, close);
        actions.addClassName("form-actions");
        replyArea.addClassName("support-reply");
        replyArea.add(reply, files, actions);
        add(replyArea);
    }

    @Override
    RequestDetail read(UUID id) {
        return requests.read(id);
    }

    @Override
    List<Component> moreFacts(RequestDetail request) {
        return List.of(new Span(getTranslation("support.request.opened-at", Format.dateTime(request.createdAt()))));
    }

    @Override
    void showRest(RequestDetail request) {
        replyArea.setVisible(!request.isClosed());
    }
}

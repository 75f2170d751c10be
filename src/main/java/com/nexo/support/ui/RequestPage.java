package com.nexo.support.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.support.SupportRuleException;
import com.nexo.support.requests.NewFile;
import com.nexo.support.requests.RequestDetail;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the portal's and the back office's page of one request share: reading it by the address's id
 * ("page not found" when the user may not read it, as when it does not exist), the header (subject,
 * state, category and the side's own facts), the conversation, and sending a message with files. Each
 * side says how it reads the request, what else its header shows and what else it shows of it.
 */
abstract class RequestPage extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** Sends one message with its files; refused with a {@link SupportRuleException}. */
    @FunctionalInterface
    interface MessageSender {
        void send(RequestDetail request, String text, List<NewFile> files);
    }

    private final String titleKey;
    RequestDetail shown;

    final H2 title = new H2();
    final Div facts = new Div();
    final Conversation conversation;

    /**
     * @param titleKey the page's title until a request is shown
     * @param files how the user downloads the request's files
     */
    RequestPage(String titleKey, Conversation.Files files) {
        this.titleKey = titleKey;
        addClassNames("record-view", "support-request");
        conversation = new Conversation(files);
        facts.addClassName("support-facts");
        add(title, facts, conversation);
    }

    /**
     * The request with its conversation, as this side reads it.
     *
     * @throws SupportRuleException when the user may not read it or it does not exist
     */
    abstract RequestDetail read(UUID id);

    /** What the header shows after the state and the category. */
    abstract List<Component> moreFacts(RequestDetail request);

    /** Shows the rest of the page for the request just read (what the user may do with it). */
    abstract void showRest(RequestDetail request);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(Ids::parse);
        if (id.isEmpty() || !load(id.get())) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Reads the request again and shows it; false when the user may not read it. */
    final boolean load(UUID id) {
        try {
            shown = read(id);
        } catch (SupportRuleException e) {
            return false;
        }
        title.setText(shown.subject());
        facts.removeAll();
        facts.add(SupportLabels.stateBadge(this, shown.state()));
        facts.add(new Span(SupportLabels.category(this, shown.category())));
        moreFacts(shown).forEach(facts::add);
        conversation.show(shown);
        showRest(shown);
        PageTitles.refresh(this);
        return true;
    }

    /** Shows the request as it is now, after a change of the user's or a refused one. */
    final void reload() {
        load(shown.id());
    }

    /**
     * Sends what is written in {@code text} with the {@code files} picked: on success both are cleared
     * and the user is told {@code sentNotice}; a refusal of the text is shown on the field (nothing is reloaded, so
     * nothing written is lost), any other refusal as a notice. The request is then read again.
     */
    final void sendMessage(TextArea text, AttachmentPicker files, MessageSender sender, String sentNotice) {
        text.setInvalid(false);
        try {
            sender.send(shown, text.getValue(), files.files());
            files.clear();
            text.clear();
            Notices.success(sentNotice);
        } catch (SupportRuleException refusal) {
            if ("text".equals(refusal.field())) {
                text.setErrorMessage(SupportLabels.refusal(this, refusal));
                text.setInvalid(true);
                return;
            }
            // What was typed (and the files) stays: the user reads what changed and sends again.
            Notices.error(refusal(refusal));
        }
        reload();
    }

    /** Runs a change of the request, tells {@code doneNotice} or why it was refused, and reads it again. */
    final void change(Runnable change, String doneNotice) {
        try {
            change.run();
            Notices.success(doneNotice);
        } catch (SupportRuleException refusal) {
            Notices.error(refusal(refusal));
        }
        reload();
    }

    /** A refusal in words; a change made meanwhile says the request was reloaded. */
    final String refusal(SupportRuleException refusal) {
        return "error.concurrent-edit".equals(refusal.messageKey())
                ? getTranslation("support.request.changed")
                : SupportLabels.refusal(this, refusal);
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation(titleKey) : shown.subject();
    }
}

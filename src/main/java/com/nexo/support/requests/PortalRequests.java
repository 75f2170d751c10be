package com.nexo.support.requests;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import com.nexo.support.SupportRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A portal actor's requests (a client's, a supplier's or a professional's): its account's list, opening
 * one with files, reading the conversation (which marks an answer read), replying and closing. Every
 * call runs as the actor's database role, which reaches only its own account's requests of its own
 * kind ({@link Requester}); any other request is "not found".
 */
@Service
public class PortalRequests {

    /** The largest file a message carries, in bytes. */
    public static final long MAX_FILE_BYTES = RequestStore.MAX_FILE_BYTES;
    /** The most files one message carries. */
    public static final int MAX_FILES = RequestStore.MAX_FILES;

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final ApplicationEventPublisher events;

    PortalRequests(JdbcClient jdbc, RequestStore store, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
    }

    /** The categories the signed-in actor may choose from, the default first. */
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<RequestCategory> categories() {
        return requester(CurrentUser.get().orElseThrow()).categories();
    }

    /** A page of the account's requests in {@code state} (null: all), latest activity first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public Page<RequestRow> page(RequestState state, PageCursor after, int limit) {
        return store.page(RequestFilter.inState(state), after, limit);
    }

    /** How many of the account's requests carry an answer the actor has not opened. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public long unreadAnswers() {
        Long count = jdbc.sql("SELECT count(*) FROM support_request WHERE unread_by_client")
                .query(Long.class)
                .single();
        return count == null ? 0 : count;
    }

    /**
     * Opens a request in the name of the signed-in actor, with its first message and files.
     *
     * @throws SupportRuleException on the field at fault; {@code support.error.category-not-offered} when
     *     the category is not one of the actor's ({@link #categories()})
     */
    @Transactional
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public UUID open(NewRequest request, List<NewFile> files) {
        NexoUser user = CurrentUser.get().orElseThrow();
        String subject = request.subject() == null ? "" : request.subject().strip();
        if (subject.isEmpty()) {
            throw SupportRuleException.onField("subject", "support.error.subject-required");
        }
        if (subject.length() > RequestStore.SUBJECT_MAX) {
            throw SupportRuleException.onField("subject", "support.error.subject-too-long", RequestStore.SUBJECT_MAX);
        }
        if (request.category() == null) {
            throw SupportRuleException.onField("category", "support.error.category-required");
        }
        Requester requester = requester(user);
        if (!requester.categories().contains(request.category())) {
            throw SupportRuleException.onField("category", "support.error.category-not-offered");
        }
        String text = RequestStore.checkedText(request.text());
        List<NewFile> checkedFiles = RequestStore.checkedFiles(files);
        UUID party = user.databaseContext().partyId();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO support_request (id, requester, subject, category, opened_by_name, opened_by_email,"
                        + " opened_by_lang) VALUES (:id, :requester, :subject, :category, :name, :email, :lang)")
                .param("id", id)
                .param("requester", requester.name())
                .param("subject", subject)
                .param("category", request.category().name())
                .param("name", user.displayName())
                .param("email", user.email())
                .param("lang", language(user.locale()))
                .update();
        store.addMessage(id, new RequestStore.Owner(party, requester), false, user.displayName(), text, checkedFiles);
        events.publishEvent(
                new RequestOpened(user.tenantId(), user.userId(), id, subject, user.displayName(), requester));
        return id;
    }

    /**
     * The request with its conversation; opening it marks its answer read.
     *
     * @throws SupportRuleException {@code support.error.not-found} when the account has no such request
     */
    @Transactional
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public RequestDetail read(UUID id) {
        jdbc.sql("UPDATE support_request SET unread_by_client = false WHERE id = :id AND unread_by_client")
                .param("id", id)
                .update();
        return store.detail(id, null, null).orElseThrow(() -> new SupportRuleException("support.error.not-found"));
    }

    /** Adds the actor's message (and files); the request waits for the back office again. */
    @Transactional
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public void reply(UUID id, String text, List<NewFile> files) {
        NexoUser user = CurrentUser.get().orElseThrow();
        String body = RequestStore.checkedText(text);
        List<NewFile> checkedFiles = RequestStore.checkedFiles(files);
        RequestStore.Head head = store.head(id).orElseThrow(() -> new SupportRuleException("support.error.not-found"));
        int updated = jdbc.sql("UPDATE support_request SET state = 'OPEN', last_message_at = now(),"
                        + " version = version + 1 WHERE id = :id AND state <> 'CLOSED'")
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new SupportRuleException("support.error.closed");
        }
        store.addMessage(id, head.owner(), false, user.displayName(), body, checkedFiles);
    }

    /**
     * Closes the request as it was read ({@code version}).
     *
     * @throws SupportRuleException {@code error.concurrent-edit} when it changed meanwhile (an answer came)
     */
    @Transactional
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public void close(UUID id, long version) {
        int updated = jdbc.sql("UPDATE support_request SET state = 'CLOSED', closed_at = now(), version = version + 1"
                        + " WHERE id = :id AND version = :version AND state <> 'CLOSED'")
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new SupportRuleException("error.concurrent-edit");
        }
    }

    /** Writes an attachment of one of the actor's requests; false when there is no such file. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public boolean download(UUID requestId, UUID fileId, OutputStream out) throws IOException {
        return store.copyAttachment(requestId, fileId, out);
    }

    private static Requester requester(NexoUser user) {
        return Requester.of(user.actorType()).orElseThrow(() -> new SupportRuleException("support.error.not-found"));
    }

    static String language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "es";
    }
}

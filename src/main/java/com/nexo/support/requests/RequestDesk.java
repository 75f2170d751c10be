package com.nexo.support.requests;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserDirectory;
import com.nexo.support.RequestState;
import com.nexo.support.SupportPermissions;
import com.nexo.support.SupportRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's side of requests: the tenant's list with filters, a request with its conversation
 * and files, answering (the requester is mailed), assigning and closing. Changes name the version they
 * were made on, so an answer written while the requester added a message is refused and explained.
 */
@Service
public class RequestDesk {

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final AccountDirectory accounts;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;

    RequestDesk(
            JdbcClient jdbc,
            RequestStore store,
            AccountDirectory accounts,
            UserDirectory users,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.accounts = accounts;
        this.users = users;
        this.events = events;
    }

    /** A page of the tenant's requests matching {@code filter}, latest activity first. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public Page<RequestRow> page(RequestFilter filter, PageCursor after, int limit) {
        return store.page(filter == null ? RequestFilter.all() : filter, after, limit);
    }

    /** The names of the accounts of a page of requests, in one read. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public Map<UUID, String> accountNames(Collection<UUID> accountIds) {
        return accountIds.isEmpty() ? Map.of() : accounts.namesOf(Set.copyOf(accountIds));
    }

    /** Client, supplier and professional accounts whose name matches {@code text}, for the list's account filter. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public List<AccountDirectory.AccountName> accountsMatching(String text, int limit) {
        return accounts.portalAccountsMatching(text, limit);
    }

    /** Employees a request may be assigned to. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.ANSWER)
    public List<UserDirectory.UserName> assignees() {
        return users.activeEmployees();
    }

    /** The request with its conversation, its account's name and its assignee's. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public RequestDetail read(UUID id) {
        RequestStore.Head head = store.head(id).orElseThrow(() -> new SupportRuleException("support.error.not-found"));
        String account =
                accounts.namesOf(Set.of(head.row().partyId())).get(head.row().partyId());
        UUID assigned = head.row().assignedTo();
        String assignedName =
                assigned == null ? null : users.namesOf(Set.of(assigned)).get(assigned);
        return store.detail(id, account, assignedName)
                .orElseThrow(() -> new SupportRuleException("support.error.not-found"));
    }

    /**
     * Answers the request as read ({@code version}) with up to {@link RequestStore#MAX_FILES} files,
     * stored in this transaction and handed to the request's account, so that its requester reads
     * them; the requester is mailed once this commits.
     *
     * @throws SupportRuleException {@code error.concurrent-edit} when it changed meanwhile,
     *     {@code support.error.closed} when it is closed
     */
    @Transactional
    @RolesAllowed(SupportPermissions.ANSWER)
    public void answer(UUID id, long version, String text, List<NewFile> files) {
        NexoUser user = CurrentUser.get().orElseThrow();
        String body = RequestStore.checkedText(text);
        List<NewFile> checkedFiles = RequestStore.checkedFiles(files);
        RequestStore.Head head = changeable(id, version);
        int updated = jdbc.sql("UPDATE support_request SET state = 'ANSWERED', unread_by_client = true,"
                        + " last_message_at = now(), version = version + 1"
                        + " WHERE id = :id AND version = :version AND state <> 'CLOSED'")
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new SupportRuleException("error.concurrent-edit");
        }
        store.addMessage(id, head.owner(), true, user.displayName(), body, checkedFiles);
        events.publishEvent(new RequestAnswered(
                user.tenantId(),
                user.userId(),
                id,
                head.row().subject(),
                head.openedByEmail(),
                head.openedByLang(),
                user.displayName()));
    }

    /** Gives the request to an employee (null: to nobody). */
    @Transactional
    @RolesAllowed(SupportPermissions.ANSWER)
    public void assign(UUID id, long version, UUID employee) {
        if (employee != null && !users.isEmployee(employee)) {
            throw SupportRuleException.onField("assignedTo", "support.error.not-an-employee");
        }
        changed(jdbc.sql("UPDATE support_request SET assigned_to = :employee, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .param("employee", employee)
                .update());
    }

    /** Closes the request as read ({@code version}). */
    @Transactional
    @RolesAllowed(SupportPermissions.ANSWER)
    public void close(UUID id, long version) {
        changeable(id, version);
        changed(jdbc.sql("UPDATE support_request SET state = 'CLOSED', closed_at = now(), unread_by_client = false,"
                        + " version = version + 1 WHERE id = :id AND version = :version AND state <> 'CLOSED'")
                .param("id", id)
                .param("version", version)
                .update());
    }

    /** Writes an attachment of the request; false when there is no such file. */
    @Transactional(readOnly = true)
    @RolesAllowed(SupportPermissions.READ)
    public boolean download(UUID requestId, UUID fileId, OutputStream out) throws IOException {
        return store.copyAttachment(requestId, fileId, out);
    }

    /** The request as stored, refused when missing, changed since {@code version} or closed. */
    private RequestStore.Head changeable(UUID id, long version) {
        RequestStore.Head head = store.head(id).orElseThrow(() -> new SupportRuleException("support.error.not-found"));
        if (head.version() != version) {
            throw new SupportRuleException("error.concurrent-edit");
        }
        if (head.row().state() == RequestState.CLOSED) {
            throw new SupportRuleException("support.error.closed");
        }
        return head;
    }

    private static void changed(int updated) {
        if (updated == 0) {
            throw new SupportRuleException("error.concurrent-edit");
        }
    }
}

package com.nexo.security.sessions;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.users.AppUser;
import com.nexo.security.users.AppUserRepository;
import com.nexo.security.users.OwnAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A tenant's users' active sessions, on every node: listed for administrators, ended one by one or
 * all at once. Also ends a user's sessions when its access or password changes (see {@link UserService}).
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SessionTracker tracker;
    private final AppUserRepository users;
    private final SecurityEventLog events;

    SessionService(SessionTracker tracker, AppUserRepository users, SecurityEventLog events) {
        this.tracker = tracker;
        this.users = users;
        this.events = events;
    }

    /** The user's active sessions, the most recently used first. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccessPermissions.USERS_READ)
    public List<ActiveSession> listSessions(UUID userId) {
        visibleUser(userId);
        Optional<String> mine = currentRecord();
        return recordsOf(userId).stream()
                .sorted(Comparator.comparing(SessionRecord::lastAccessAt).reversed())
                .map(found -> new ActiveSession(
                        found.id(),
                        found.node(),
                        found.startedAt(),
                        found.lastAccessAt(),
                        found.clientAddress(),
                        BrowserName.of(found.userAgent()),
                        mine.map(found.id()::equals).orElse(false)))
                .toList();
    }

    /** Ends one session of the user, on whatever node serves it. */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_EDIT)
    public void endSession(UUID userId, String sessionId) {
        AppUser user = editableUser(userId);
        if (recordsOf(userId).stream().noneMatch(found -> found.id().equals(sessionId))) {
            return; // ended meanwhile: what was asked for holds
        }
        endNow(List.of(sessionId));
        events.record(SecurityEventType.SESSIONS_ENDED, user.getId(), "1");
    }

    /** Ends every session of the user (except the administrator's own, when it ends its own). */
    @Transactional
    @RolesAllowed(AccessPermissions.USERS_EDIT)
    public void endAllSessions(UUID userId) {
        AppUser user = editableUser(userId);
        Optional<String> mine = currentRecord();
        List<String> ids = recordsOf(userId).stream()
                .map(SessionRecord::id)
                .filter(id -> mine.map(own -> !own.equals(id)).orElse(true))
                .toList();
        endNow(ids);
        events.record(SecurityEventType.SESSIONS_ENDED, user.getId(), String.valueOf(ids.size()));
    }

    /**
     * Once the current transaction commits (its change being what makes the sessions invalid), ends
     * the user's sessions on every node, except the one of the current request. When the session store
     * cannot be reached, the sessions still end on their next request ({@code CurrentAccessFilter}
     * re-reads the user), and no node takes them over (it loads the user again).
     */
    public void endSessionsAfterCommit(UUID userId) {
        Optional<String> keep = currentRecord();
        Runnable ending = () -> {
            try {
                List<String> ids = tracker.sessionsOf(userId).stream()
                        .map(SessionRecord::id)
                        .filter(id -> keep.map(own -> !own.equals(id)).orElse(true))
                        .toList();
                tracker.end(ids);
            } catch (RuntimeException e) {
                log.warn(
                        "Sessions of user {} not ended at once (session store: {}); they end on their next request",
                        userId,
                        e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ending.run();
                }
            });
        } else {
            ending.run();
        }
    }

    private List<SessionRecord> recordsOf(UUID userId) {
        UUID tenant = CurrentUser.get().map(NexoUser::tenantId).orElse(null);
        try {
            return tracker.sessionsOf(userId).stream()
                    .filter(found -> tenant != null && tenant.equals(found.tenantId()))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Session store unreachable while listing sessions: {}", e.getMessage());
            throw new AccessRuleException("sessions.error.unavailable");
        }
    }

    private void endNow(List<String> ids) {
        try {
            tracker.end(ids);
        } catch (RuntimeException e) {
            log.warn("Session store unreachable while ending sessions: {}", e.getMessage());
            throw new AccessRuleException("sessions.error.unavailable");
        }
    }

    /** A user of the current tenant (row-level security hides all others). */
    private AppUser visibleUser(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new AccessRuleException("users.error.not-found"));
    }

    private AppUser editableUser(UUID userId) {
        AppUser user = visibleUser(userId);
        if (!OwnAccess.coversRoles(user.getRoles())) {
            throw new AccessRuleException("users.error.beyond-own-access");
        }
        return user;
    }

    private Optional<String> currentRecord() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return tracker.currentRecord(request);
        }
        return Optional.empty();
    }

    /**
     * One active session of a user.
     *
     * @param browser browser and operating system, as far as the browser's self-description tells
     * @param current whether it is the session of whoever asks
     */
    public record ActiveSession(
            String id,
            String node,
            Instant startedAt,
            Instant lastAccessAt,
            String clientAddress,
            String browser,
            boolean current) {}
}

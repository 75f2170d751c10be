package com.nexo.security.sessions;

import com.nexo.security.NexoUser;
import com.nexo.security.login.NexoUserDetailsService;
import com.nexo.security.sso.SingleSignOnLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Ties a node's own, in-memory HTTP sessions (which Vaadin keeps its live UI state in, under one
 * lock) to session records in the {@link SessionStore}, which outlive the node:
 *
 * <ul>
 *   <li>a login creates a record and hands its id to the browser in a cookie of its own;
 *   <li>requests of a logged-in session check, at most every {@code touch-interval}, that the record
 *       still exists (and record the access); a record that is gone ends the local session;
 *   <li>a request without a logged-in local session that carries the cookie of a live record (its
 *       node died or was redeployed) is logged in again: the user is loaded again through the login
 *       path, so a disabled user, a suspended tenant or a changed password is refused;
 *   <li>ending a record (logout, administrator, disabling, password change) ends the local sessions
 *       for it on every node at once, through the store's announcement.
 * </ul>
 *
 * <p>When the store cannot be reached, the node goes on without it for {@code retry-interval} and then
 * tries again: logged-in users keep working; new logins work on their node and get their record once
 * the store is back; only taking a session over to another node waits for it.
 */
public class SessionTracker implements HttpSessionListener {

    /** HTTP session attribute: the id of the session's record. */
    static final String RECORD = SessionTracker.class.getName() + ".record";

    /** HTTP session attribute: when the record was last checked. */
    private static final String CHECKED = SessionTracker.class.getName() + ".checked";

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);
    private static final int MAX_USER_AGENT = 300;

    private final SessionStore store;
    private final SessionProperties properties;
    private final NexoUserDetailsService users;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** This node's HTTP sessions by record id, to end them when their record ends. */
    private final LocalSessions local = new LocalSessions();

    private final SessionCookie cookie;
    private final StoreAvailability availability;

    private volatile String node;

    SessionTracker(SessionStore store, SessionProperties properties, NexoUserDetailsService users, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
        this.cookie = new SessionCookie(properties.cookieName());
        this.availability = new StoreAvailability(clock, properties.retryInterval());
        this.node = properties.node().isEmpty() ? hostName() : properties.node();
        store.onEnded(this::endLocally);
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (properties.node().isEmpty()) {
            node = hostName() + ":" + event.getWebServer().getPort();
        }
    }

    String node() {
        return node;
    }

    // --- Login, requests, logout --------------------------------------------------------------------

    /** A password login just succeeded on this node: gives the new session its record. */
    public void loggedIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        // A single sign-on carries the NEXO user inside the provider's person until its success
        // handler stores the NEXO user alone; both ways in get a record at once.
        NexoUser user = authentication.getPrincipal() instanceof SingleSignOnLogin.SignedOnUser signedOn
                ? signedOn.user()
                : authentication.getPrincipal() instanceof NexoUser nexoUser ? nexoUser : null;
        if (user != null) {
            HttpSession session = request.getSession();
            Object previous = session.getAttribute(RECORD);
            session.removeAttribute(RECORD);
            if (previous instanceof String id) {
                // Unlinked first: the end of the old record is announced to every node, this one
                // included, and must not end the session that now logs in again.
                local.detach(id, session);
            }
            if (previous instanceof String id && availability.worthAsking()) {
                try {
                    store.end(List.of(id));
                } catch (RuntimeException e) {
                    availability.failed(e);
                }
            }
            attachRecord(user, session, request, response);
        }
    }

    /**
     * Checks the record of a logged-in request's session; false when the record was ended, and the
     * caller must log the request out. A session whose record could not be created yet gets it now.
     */
    boolean stillValid(NexoUser user, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        if (!(session.getAttribute(RECORD) instanceof String id)) {
            attachRecord(user, session, request, response);
            return true;
        }
        Instant now = clock.instant();
        if (session.getAttribute(CHECKED) instanceof Instant checked
                && checked.plus(properties.touchInterval()).isAfter(now)) {
            return true;
        }
        if (!availability.worthAsking()) {
            return true;
        }
        try {
            SessionStore.Touch touch = store.touch(id, node, now);
            availability.answered();
            session.setAttribute(CHECKED, now);
            switch (touch) {
                case LIVE -> {
                    return true;
                }
                case LOST -> {
                    // Redis lost it (restarted empty, flushed) or it idled out while this session lived
                    // on: write it again from what this node knows, under a new id and cookie.
                    local.detach(id, session);
                    session.removeAttribute(RECORD);
                    log.info("Session record {}… of user {} was lost: written again", abbreviated(id), user.userId());
                    attachRecord(user, session, request, response);
                    return true;
                }
                default -> {
                    local.detach(id, session);
                    cookie.expire(request, response);
                    log.info("Session record {}… was ended: session of user {} ends", abbreviated(id), user.userId());
                    return false;
                }
            }
        } catch (RuntimeException e) {
            availability.failed(e);
            return true;
        }
    }

    /**
     * A request without a logged-in session: when it carries the cookie of a live record of a user who
     * may still log in, logs it in again in a new local session (a fresh UI) and returns the login.
     */
    Optional<Authentication> resume(HttpServletRequest request, HttpServletResponse response) {
        String id = cookie.read(request);
        if (id == null || !availability.worthAsking()) {
            return Optional.empty();
        }
        SessionRecord found;
        try {
            found = store.find(id).orElse(null);
            availability.answered();
        } catch (RuntimeException e) {
            availability.failed(e);
            return Optional.empty();
        }
        if (found == null) {
            cookie.expire(request, response);
            return Optional.empty();
        }
        NexoUser user = reload(found);
        if (user == null) {
            log.info("Session record {}… of user {} no longer valid: ended", abbreviated(id), found.userId());
            end(List.of(id));
            cookie.expire(request, response);
            return Optional.empty();
        }
        HttpSession stale = request.getSession(false);
        if (stale != null) {
            stale.invalidate();
        }
        HttpSession session = request.getSession(true);
        UsernamePasswordAuthenticationToken login =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        login.setDetails(new WebAuthenticationDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(login);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        Instant now = clock.instant();
        session.setAttribute(RECORD, id);
        session.setAttribute(CHECKED, now);
        local.attach(id, session);
        try {
            store.touch(id, node, now);
        } catch (RuntimeException e) {
            availability.failed(e);
        }
        log.info("Session record {}… of user {} taken over by node {}", abbreviated(id), user.userId(), node);
        return Optional.of(login);
    }

    /** Logout on this node: the record ends everywhere, and the browser forgets the cookie. */
    public void loggedOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        String id = session != null && session.getAttribute(RECORD) instanceof String attached
                ? attached
                : cookie.read(request);
        if (id != null) {
            if (session != null) {
                local.detach(id, session);
                session.removeAttribute(RECORD);
            }
            try {
                store.end(List.of(id));
            } catch (RuntimeException e) {
                availability.failed(e);
                log.warn("Session record {}… could not be deleted at logout; it expires when idle", abbreviated(id));
            }
        }
        cookie.expire(request, response);
    }

    // --- Administration ------------------------------------------------------------------------------

    /** The user's live sessions, from the store (throws when it cannot be reached). */
    public List<SessionRecord> sessionsOf(UUID userId) {
        return store.findByUser(userId);
    }

    /**
     * Ends these sessions on every node (throws when the store cannot be reached): on this node before
     * returning, on the others as soon as the announcement reaches them.
     */
    void end(Collection<String> ids) {
        if (!ids.isEmpty()) {
            store.end(ids);
            ids.forEach(this::endLocally);
        }
    }

    /** The record id of the current request's session, if it has one. */
    Optional<String> currentRecord(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(RECORD) instanceof String id
                ? Optional.of(id)
                : Optional.empty();
    }

    /** Whether the store answered the last time it was asked. */
    boolean storeAvailable() {
        return availability.answeredLastTime();
    }

    // --- Inside ---------------------------------------------------------------------------------------

    private void attachRecord(
            NexoUser user, HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        if (!availability.worthAsking()) {
            return; // tried again on a later request of this session, once the store may be back
        }
        Instant now = clock.instant();
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        SessionRecord draft = new SessionRecord(
                null,
                user.userId(),
                user.tenantId(),
                user.email(),
                user.passwordChangedAt(),
                node,
                now,
                now,
                request.getRemoteAddr(),
                agent == null ? null : agent.substring(0, Math.min(agent.length(), MAX_USER_AGENT)));
        String id;
        try {
            id = store.create(draft);
            availability.answered();
        } catch (RuntimeException e) {
            availability.failed(e);
            return;
        }
        session.setAttribute(RECORD, id);
        session.setAttribute(CHECKED, now);
        local.attach(id, session);
        cookie.write(request, response, id);
    }

    /** The user of a record as the login path loads it now; null when it may no longer be logged in. */
    private NexoUser reload(SessionRecord found) {
        NexoUser user;
        try {
            user = (NexoUser) users.loadUserByUsername(found.email());
        } catch (UsernameNotFoundException e) {
            return null;
        }
        if (!user.userId().equals(found.userId())
                || !user.isEnabled()
                || !Objects.equals(user.passwordChangedAt(), found.passwordChangedAt())) {
            return null;
        }
        user.eraseCredentials();
        return user;
    }

    /** An announcement that a record ended: ends this node's session for it, if there is one. */
    private void endLocally(String id) {
        local.end(id, node);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        // Only this node's copy ends here: a node shutting down ends its sessions too, and their
        // records must survive it so that another node can take them over.
        if (event.getSession().getAttribute(RECORD) instanceof String id) {
            local.detach(id, event.getSession());
        }
    }

    static String abbreviated(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}

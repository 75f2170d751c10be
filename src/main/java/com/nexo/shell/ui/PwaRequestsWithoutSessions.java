package com.nexo.shell.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the PWA's own requests (manifest, generated icons, the service worker's precache list and
 * offline stub; {@link AppShell}) from creating HTTP sessions. Vaadin answers them through its
 * servlet, which opens a session (and a Vaadin session in it) for every request that comes without
 * one, and browsers fetch the manifest and its icons without cookies: every page load left an empty
 * session behind, about as many as there were real ones, each holding its memory for the session
 * timeout. Such a request that arrives without a session now gets a stand-in that lives for the
 * request only: nothing is kept, and no session cookie is sent (which could replace a real one that
 * the browser got meanwhile). A request that carries a live session uses it as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PwaRequestsWithoutSessions extends OncePerRequestFilter {

    /** What Vaadin serves for {@code @PWA} itself; {@code sw.js} and {@code offline.html} are static. */
    static final Set<String> PATHS =
            Set.of("/manifest.webmanifest", "/sw-runtime-resources-precache.js", "/offline-stub.html");

    /** The icons Vaadin generates from {@code @PWA(iconPath = "icons/icon.png")}: icon-192x192.png... */
    static final String ICONS = "/icons/icon-";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(PATHS.contains(path) || path.startsWith(ICONS) && path.endsWith(".png"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new WithoutSession(request), response);
    }

    /** The request with a session of its own that nobody else sees and that ends with it. */
    private static final class WithoutSession extends HttpServletRequestWrapper {

        private StandIn session;

        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (session == null && create) {
                session = new StandIn(getServletContext());
            }
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            throw new IllegalStateException("A PWA resource request has no session to change");
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
    }

    private static final class StandIn implements HttpSession {

        private final String id = UUID.randomUUID().toString();
        private final long created = System.currentTimeMillis();
        private final Map<String, Object> attributes = new HashMap<>();
        private final ServletContext context;
        private int maxInactiveInterval;

        StandIn(ServletContext context) {
            this.context = context;
        }

        @Override
        public long getCreationTime() {
            return created;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public long getLastAccessedTime() {
            return created;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            maxInactiveInterval = interval;
        }

        @Override
        public int getMaxInactiveInterval() {
            return maxInactiveInterval;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public void invalidate() {
            attributes.clear();
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }
}

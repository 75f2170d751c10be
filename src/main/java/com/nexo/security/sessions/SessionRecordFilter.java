package com.nexo.security.sessions;

import com.nexo.security.NexoUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after the security context is loaded from the node's own session: a logged-in request
 * whose record was ended is logged out; a request that is not logged in but carries the cookie of a
 * live record (its node went away) is logged in again (see {@link SessionTracker}).
 */
public class SessionRecordFilter extends OncePerRequestFilter {

    private final SessionTracker tracker;
    private final RequestMatcher staticResources;

    public SessionRecordFilter(SessionTracker tracker, RequestMatcher staticResources) {
        this.tracker = tracker;
        this.staticResources = staticResources;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return staticResources.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof NexoUser user) {
            if (!tracker.stillValid(user, request, response)) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        } else if (authentication == null || !authentication.isAuthenticated()) {
            tracker.resume(request, response);
        }
        chain.doFilter(request, response);
    }
}

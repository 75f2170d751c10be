package com.nexo.security.login;

import com.nexo.security.NexoUser;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes access changes take effect on the affected user's next request, on every node: each request
 * of a logged-in user re-reads its access from the database. A user who was disabled, whose tenant
 * was suspended, or whose password was set since the session logged in (changed by the user, or reset
 * by an administrator after a compromise) is logged out; changed roles replace the request's
 * authorities. A stronger re-encoding of the same password at login is no change. A platform operator
 * is logged out when its own row is disabled or gone.
 */
class CurrentAccessFilter extends OncePerRequestFilter {

    private final CurrentAccess access;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** Static files (Vaadin's bundle, styles, icons, PWA files) change no data: no database round trip. */
    static final RequestMatcher STATIC_RESOURCES = new OrRequestMatcher(
            VaadinSecurityConfigurer.getDefaultWebSecurityIgnoreMatcher(),
            PathPatternRequestMatcher.withDefaults().matcher("/styles/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/images/**"));

    CurrentAccessFilter(CurrentAccess access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return STATIC_RESOURCES.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof NexoUser user) {
            Optional<CurrentAccess.Snapshot> now = access.load(user.isOperator());
            if (now.isEmpty()
                    || !now.get().active()
                    || !Objects.equals(now.get().passwordChangedAt(), user.passwordChangedAt())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (now.get().accessVersion() != user.accessVersion()
                    || !now.get().permissions().equals(user.permissions())) {
                NexoUser updated =
                        user.withAccess(now.get().permissions(), now.get().accessVersion());
                UsernamePasswordAuthenticationToken token =
                        UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities());
                token.setDetails(authentication.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}

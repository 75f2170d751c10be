package com.nexo.security.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the CSRF token on the login form's post. Vaadin's security configurer exempts the login
 * page's path from Spring Security's CSRF check, although Vaadin's login form does send the token (it
 * copies it from the page's {@code _csrf} meta tags into the form). Without this check another site
 * could log a visitor in to an account of the attacker's choosing (login CSRF), so that what the
 * visitor then enters lands in the attacker's account.
 *
 * <p>Runs right after Spring's {@code CsrfFilter}, which has already loaded the session's token for
 * this request. A post without the right token goes back to the login page before any password is
 * checked, so it neither counts as a failed login nor reaches the audit trail.
 */
class LoginCsrfFilter extends OncePerRequestFilter {

    private final RequestMatcher loginPost;
    private final CsrfTokenRequestHandler tokens = new XorCsrfTokenRequestAttributeHandler();

    LoginCsrfFilter(String loginPath) {
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (loginPost.matches(request) && !carriesSessionToken(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean carriesSessionToken(HttpServletRequest request) {
        if (!(request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken deferred)) {
            // Spring's CSRF filter did not run: refuse rather than let the post through unchecked.
            return false;
        }
        CsrfToken expected = deferred.get();
        String actual;
        try {
            actual = tokens.resolveCsrfTokenValue(request, expected);
        } catch (IllegalArgumentException e) {
            // A forged token can unmask to bytes that are no text: the handler throws instead of
            // answering null.
            return false;
        }
        return !deferred.isGenerated()
                && actual != null
                && MessageDigest.isEqual(
                        expected.getToken().getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}

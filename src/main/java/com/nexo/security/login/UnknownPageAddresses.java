package com.nexo.security.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The rule for requests no other rule names (Vaadin's configurer makes it the last one). Refused,
 * as Vaadin's default is, except a browser asking for a page at an address that no route and no
 * controller answers: that goes on to the UI, whose not-found page then says so in the user's
 * language. Refusing it instead sent a logged-in user to Spring's English error page with a 403, and
 * a stranger to the login form for an address that does not exist.
 *
 * <p>Routes never reach this rule (Vaadin's earlier rules match them, and the UI checks access again
 * on navigation). Controllers do: anything a controller handles stays refused unless a rule of its
 * own opens it, so a controller added later is not opened by this one.
 */
final class UnknownPageAddresses implements AuthorizationManager<RequestAuthorizationContext> {

    private final Supplier<HandlerMapping> controllers;

    /** {@code controllers}: the handler mapping of the application's {@code @Controller}s. */
    UnknownPageAddresses(Supplier<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        return new AuthorizationDecision(isPageLoad(request) && !handledByController(request));
    }

    /** A browser opening an address: GET or HEAD, asking for HTML. */
    private static boolean isPageLoad(HttpServletRequest request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private boolean handledByController(HttpServletRequest request) {
        boolean parsedBefore = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsedBefore) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return controllers.get().getHandler(request) != null;
        } catch (Exception e) {
            // A controller has the path but not this method or media type: it is still its address.
            return true;
        } finally {
            if (!parsedBefore) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}

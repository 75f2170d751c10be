package com.nexo.tenancy;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Lets the authentication of background work ({@link TenantContext#callAsSystem}, {@link
 * TenantContext#callAsOperator}) win over the logged-in user's for the duration of the call.
 *
 * <p>Needed because Vaadin's strategy reads the security context from the HTTP session whenever a
 * Vaadin session is current, and ignores a context set on the thread: system work started from a
 * view (a new tenant's first administrator, created by the operator) would otherwise run its method
 * security checks as the logged-in user. Wraps whatever strategy the application uses.
 */
final class BackgroundAwareSecurityContextHolderStrategy implements SecurityContextHolderStrategy {

    private static final ThreadLocal<SecurityContext> BACKGROUND = new ThreadLocal<>();

    private final SecurityContextHolderStrategy delegate;

    BackgroundAwareSecurityContextHolderStrategy(SecurityContextHolderStrategy delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code work} with {@code context} as the current security context of this thread. */
    static <T> T callWith(SecurityContext context, Supplier<T> work) {
        SecurityContext previous = BACKGROUND.get();
        BACKGROUND.set(context);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BACKGROUND.remove();
            } else {
                BACKGROUND.set(previous);
            }
        }
    }

    @Override
    public SecurityContext getContext() {
        SecurityContext background = BACKGROUND.get();
        return background != null ? background : delegate.getContext();
    }

    @Override
    public void setContext(SecurityContext context) {
        delegate.setContext(context);
    }

    @Override
    public void clearContext() {
        delegate.clearContext();
    }

    @Override
    public SecurityContext createEmptyContext() {
        return delegate.createEmptyContext();
    }
}

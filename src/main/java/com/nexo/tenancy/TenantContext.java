package com.nexo.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The context that new transactions on this thread are bound to.
 *
 * <p>Inside a web request it comes from the logged-in principal. Work outside a request (batch jobs,
 * event listeners, scheduled tasks) carries tenant and user explicitly and runs inside
 * {@link #callAs(DatabaseContext, Supplier)}: an explicit context wins over the principal for the
 * duration of the call and is removed afterwards, even on failure.
 */
public final class TenantContext {

    private static final ThreadLocal<DatabaseContext> EXPLICIT = new ThreadLocal<>();

    private TenantContext() {}

    /** The context a transaction started now would be bound to; empty means "sees nothing". */
    public static Optional<DatabaseContext> current() {
        DatabaseContext explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.databaseContext());
        }
        return Optional.empty();
    }

    /**
     * Runs {@code work} with {@code context} bound to every transaction it starts.
     *
     * @throws IllegalStateException when called inside a transaction bound to another context: work
     *     joining that transaction would run under the outer tenant, so it is refused; start it
     *     outside the transaction instead.
     */
    public static <T> T callAs(DatabaseContext context, Supplier<T> work) {
        Objects.requireNonNull(context, "context");
        ContextBindingTransactionManager.boundToCurrentTransaction()
                .filter(bound -> !bound.equals(Optional.of(context)))
                .ifPresent(bound -> {
                    throw new IllegalStateException(
                            "callAs inside a transaction bound to another context; start the work outside it");
                });
        DatabaseContext previous = EXPLICIT.get();
        EXPLICIT.set(context);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    /**
     * Runs background work for a tenant as the system actor: transactions are bound to the tenant,
     * and method security sees an authentication with the single authority {@code ROLE_SYSTEM}.
     */
    public static <T> T callAsSystem(UUID tenantId, UUID onBehalfOfUserId, Supplier<T> work) {
        DatabaseContext context = DatabaseContext.system(tenantId, onBehalfOfUserId);
        return callAuthenticated(new BackgroundAuthentication(context, BackgroundAuthentication.SYSTEM), work);
    }

    /**
     * Runs platform work (start-up tasks, the operator's console) in the operator's context: it sees
     * and manages tenant rows, and no tenant's business data.
     */
    public static <T> T callAsOperator(UUID operatorUserId, Supplier<T> work) {
        DatabaseContext context = new DatabaseContext(null, operatorUserId, ActorType.OPERATOR, null);
        return callAuthenticated(new BackgroundAuthentication(context, BackgroundAuthentication.OPERATOR), work);
    }

    /**
     * Runs an anonymous request's reading of one tenant's public content: transactions are bound to
     * the tenant as {@link ActorType#VISITOR} (the visitor database role, which reads only what is
     * published to the public), and method security sees the single authority {@code ROLE_VISITOR}.
     * The tenant comes from {@link PublicTenants}, never from the request as given.
     */
    public static <T> T callAsVisitor(PublicTenants.PublicTenant tenant, Supplier<T> work) {
        DatabaseContext context = new DatabaseContext(tenant.id(), null, ActorType.VISITOR, null);
        return callAuthenticated(new BackgroundAuthentication(context, BackgroundAuthentication.VISITOR), work);
    }

    private static <T> T callAuthenticated(BackgroundAuthentication authentication, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext background = SecurityContextHolder.createEmptyContext();
        background.setAuthentication(authentication);
        SecurityContextHolder.setContext(background);
        try {
            // Inside a Vaadin request the holder's own thread context is not what method security
            // reads (see BackgroundAwareSecurityContextHolderStrategy): make the background one win.
            return BackgroundAwareSecurityContextHolderStrategy.callWith(
                    background, () -> callAs(authentication.databaseContext(), work));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(DatabaseContext context, Runnable work) {
        callAs(context, () -> {
            work.run();
            return null;
        });
    }
}

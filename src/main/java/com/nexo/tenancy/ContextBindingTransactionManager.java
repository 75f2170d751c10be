package com.nexo.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's transaction manager: after beginning each physical transaction it binds the
 * {@link TenantContext#current() current context} into it and switches it to the actor's database
 * role, so every statement of the transaction (JPA or plain JDBC on the same connection) runs with that
 * role's grants and under that tenant's row-level security.
 */
class ContextBindingTransactionManager extends JpaTransactionManager {

    /** The contexts bound to this thread's open physical transactions, innermost first. */
    private static final ThreadLocal<Deque<Optional<DatabaseContext>>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

    private final DatabaseContextBinder binder;

    ContextBindingTransactionManager(EntityManagerFactory entityManagerFactory, DatabaseContextBinder binder) {
        super(entityManagerFactory);
        this.binder = binder;
    }

    /** The context the innermost open transaction of this thread was bound to, if there is one. */
    static Optional<Optional<DatabaseContext>> boundToCurrentTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BOUND.get().peek());
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        Optional<DatabaseContext> context = TenantContext.current();
        BOUND.get().push(context);
        EntityManagerHolder holder =
                (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        EntityManager entityManager = holder.getEntityManager();
        try {
            entityManager.unwrap(Session.class).doWork(connection -> binder.bind(connection, context));
        } catch (RuntimeException e) {
            // A transaction whose context could not be bound must not be used at all.
            try {
                entityManager.getTransaction().rollback();
            } finally {
                doCleanupAfterCompletion(transaction);
            }
            throw new CannotCreateTransactionException("Could not bind the tenant context", e);
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            Deque<Optional<DatabaseContext>> bound = BOUND.get();
            bound.poll();
            if (bound.isEmpty()) {
                BOUND.remove();
            }
        }
    }
}

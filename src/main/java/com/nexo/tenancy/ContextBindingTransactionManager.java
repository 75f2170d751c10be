package com.nexo.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's transaction manager: after beginning each physical transaction it binds the
 * {@link TenantContext#current() current context} into it, so every statement of the transaction
 * (JPA or plain JDBC on the same connection) runs under that tenant's row-level security.
 */
class ContextBindingTransactionManager extends JpaTransactionManager {

    ContextBindingTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        EntityManagerHolder holder =
                (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        EntityManager entityManager = holder.getEntityManager();
        try {
            entityManager
                    .unwrap(Session.class)
                    .doWork(connection -> DatabaseContextBinder.bind(connection, TenantContext.current()));
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
}

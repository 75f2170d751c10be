package com.nexo.imports.jobs;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Tells the screens watching an import what it looks like now, once a chunk or a change is committed. */
@Component
class ImportNotifier {

    private final ImportProgress progress;
    private final ImportRuns runs;
    private final TransactionTemplate readOnly;

    ImportNotifier(ImportProgress progress, ImportRuns runs, TransactionTemplate transactions) {
        this.progress = progress;
        this.runs = runs;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        // Called from afterCommit: a transaction of its own, bound to the job's context again (joining
        // the finished one would read on a connection back to the login role, which may read nothing).
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Publishes after the current transaction commits (at once when there is none). */
    void afterCommit(UUID importId) {
        if (!progress.watched(importId)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(importId);
                }
            });
        } else {
            publish(importId);
        }
    }

    void publish(UUID importId) {
        if (progress.watched(importId)) {
            readOnly.execute(status -> runs.summary(importId)).ifPresent(progress::publish);
        }
    }
}

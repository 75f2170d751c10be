package com.nexo.imports.jobs;

import java.sql.SQLTransientException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps the import's state in step with its job: running when it starts, done or failed when it ends. */
@Component
class ImportJobListener implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobListener.class);

    private final ImportRuns runs;
    private final TransactionTemplate transactions;
    private final ImportJobSettings settings;
    private final ImportNotifier notifier;

    ImportJobListener(
            ImportRuns runs, TransactionTemplate transactions, ImportJobSettings settings, ImportNotifier notifier) {
        this.runs = runs;
        this.transactions = transactions;
        this.settings = settings;
        this.notifier = notifier;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        UUID id = ImportJobs.importId(execution);
        transactions.executeWithoutResult(status -> {
            ImportRuns.Run run = runs.find(id).orElseThrow();
            ImportState state =
                    undo(execution) ? ImportState.UNDOING : run.dryRun() ? ImportState.CHECKING : ImportState.RUNNING;
            runs.started(id, execution.getId(), state, settings.lease());
        });
        notifier.publish(id);
    }

    @Override
    public void afterJob(JobExecution execution) {
        UUID id = ImportJobs.importId(execution);
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        Boolean ended = transactions.execute(status -> {
            ImportRuns.Run run = runs.find(id).orElseThrow();
            if (completed) {
                ImportState state = undo(execution)
                        ? ImportState.UNDONE
                        : run.dryRun() ? ImportState.CHECKED : ImportState.COMPLETED;
                return runs.finished(id, state, null);
            }
            return runs.finished(id, ImportState.FAILED, failureKey(execution));
        });
        if (!Boolean.TRUE.equals(ended)) {
            leftToAnotherNode(id, execution.getStatus().toString());
        }
        notifier.publish(id);
    }

    /** Says in the log that this node ended its part of an import another node took over. */
    static void leftToAnotherNode(UUID importId, String how) {
        LOG.info(
                "Import {}: taken over by another node while this one stalled; this node leaves it ({})",
                importId,
                how);
    }

    static boolean undo(JobExecution execution) {
        return ImportJobs.UNDO_JOB.equals(execution.getJobInstance().getJobName());
    }

    static String failureKey(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            if (database(failure)) {
                return "imports.failure.database";
            }
        }
        return "imports.failure.unexpected";
    }

    static boolean database(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientException
                    || t instanceof java.net.ConnectException
                    // A commit or rollback the connection could not carry out: the connection is gone.
                    // When the chunk's rollback fails this way, its exception replaces the one that
                    // lost the connection (which is only logged), so it is the only trace left.
                    || ((t instanceof TransactionSystemException || t instanceof org.hibernate.TransactionException)
                            && t.getCause() instanceof java.sql.SQLException)
                    || (t instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P")))) {
                return true;
            }
        }
        return false;
    }
}

package com.nexo.imports.jobs;

import com.nexo.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the import jobs on the node's own workers, each in its tenant's context as the system working
 * for the importing user, and takes over the imports whose node stopped or stalled in the middle: at
 * start-up and then every {@code nexo.imports.sweep}.
 */
@Component
class ImportLauncher implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ImportLauncher.class);

    private final ThreadPoolTaskExecutor workers;
    private final JobOperator operator;
    private final JobRepository repository;
    private final Job importJob;
    private final Job undoJob;
    private final ImportRuns runs;
    private final TransactionTemplate transactions;
    private final java.time.Duration lease;
    private final java.time.Duration sweep;
    /** Renews the lease of each running import while its job runs, however long one chunk takes. */
    private final java.util.concurrent.ScheduledExecutorService heartbeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(work -> {
                Thread thread = new Thread(work, "nexo-import-lease");
                thread.setDaemon(true);
                return thread;
            });

    /** Looks for interrupted imports now and then, apart from the heartbeats so a slow look delays none. */
    private final java.util.concurrent.ScheduledExecutorService sweeper =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(work -> {
                Thread thread = new Thread(work, "nexo-import-sweep");
                thread.setDaemon(true);
                return thread;
            });

    ImportLauncher(
            JobOperator operator,
            JobRepository repository,
            @Qualifier("importJob") Job importJob,
            @Qualifier("undoJob") Job undoJob,
            ImportRuns runs,
            TransactionTemplate transactions,
            ImportJobSettings settings) {
        this.operator = operator;
        this.repository = repository;
        this.importJob = importJob;
        this.undoJob = undoJob;
        this.runs = runs;
        this.transactions = transactions;
        this.lease = settings.lease();
        this.sweep = settings.sweep();
        this.workers = new ThreadPoolTaskExecutor();
        workers.setCorePoolSize(settings.workers());
        workers.setMaxPoolSize(settings.workers());
        workers.setThreadNamePrefix("nexo-import-");
        workers.setWaitForTasksToCompleteOnShutdown(false);
        workers.initialize();
    }

    /** Starts a new run (the import's run number makes it a new job instance). */
    void start(UUID importId, UUID tenantId, UUID userId, int runNumber, boolean undo) {
        submit(
                importId,
                tenantId,
                userId,
                () -> operator.start(undo ? undoJob : importJob, parameters(importId, runNumber, tenantId, userId)));
    }

    /** Restarts the import's last job execution from its last committed chunk. */
    void resume(UUID importId, UUID tenantId, UUID userId, long jobExecutionId) {
        submit(importId, tenantId, userId, () -> {
            JobExecution last = repository.getJobExecution(jobExecutionId);
            if (last == null) {
                throw new IllegalStateException("no job execution " + jobExecutionId);
            }
            if (last.isRunning()) {
                // Its node died: the repository still says it is going on.
                last = operator.recover(last);
            }
            if (last.getStatus() == BatchStatus.UNKNOWN) {
                // A chunk whose rollback failed because its connection was lost: Batch cannot tell what
                // became of it, but PostgreSQL rolled back what the lost connection had not committed,
                // and a chunk's work commits with its step's context, so going on from there is safe.
                for (StepExecution step : last.getStepExecutions()) {
                    if (step.getStatus() == BatchStatus.UNKNOWN) {
                        step.setStatus(BatchStatus.FAILED);
                        repository.update(step);
                    }
                }
                last.setStatus(BatchStatus.FAILED);
                repository.update(last);
            }
            return operator.restart(last);
        });
    }

    private interface JobWork {
        JobExecution run() throws Exception;
    }

    private void submit(UUID importId, UUID tenantId, UUID userId, JobWork work) {
        // The lease is kept from now on, also while the job waits for a free worker.
        long period = Math.max(1_000, lease.toMillis() / 3);
        java.util.concurrent.ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(
                () -> renew(importId, tenantId, userId), period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            workers.execute(() -> run(importId, tenantId, userId, work, heartbeat));
        } catch (RuntimeException rejected) {
            heartbeat.cancel(false);
            throw rejected;
        }
    }

    private void run(
            UUID importId,
            UUID tenantId,
            UUID userId,
            JobWork work,
            java.util.concurrent.ScheduledFuture<?> heartbeat) {
        TenantContext.callAsSystem(tenantId, userId, () -> {
            try {
                JobExecution execution = work.run();
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    ensureFailed(importId, ImportJobListener.failureKey(execution));
                }
            } catch (Exception e) {
                LOG.warn("Import {} could not run", importId, e);
                ensureFailed(
                        importId,
                        ImportJobListener.database(e) ? "imports.failure.database" : "imports.failure.unexpected");
            } finally {
                heartbeat.cancel(false);
            }
            return null;
        });
    }

    /**
     * Keeps the import's lease while its job is alive on this node: only a node that stopped (or stalled
     * for longer than the lease) lets it run out, so a slow chunk never makes another node take over an
     * import that is still running. Once another node took it over, this one's writes to it are refused
     * (see {@link ImportRuns}), and the heartbeat stops renewing.
     */
    private void renew(UUID importId, UUID tenantId, UUID userId) {
        try {
            TenantContext.callAsSystem(tenantId, userId, () -> {
                Boolean renewed = transactions.execute(status -> runs.renewLease(importId, lease));
                if (!Boolean.TRUE.equals(renewed)) {
                    LOG.debug("Import {}: lease not renewed (ended, taken over, or a chunk holds it)", importId);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.info("Import {}: could not renew its lease ({})", importId, e.getMessage());
        }
    }

    /**
     * Marks the import failed if its job could not (the database was away when the job ended): tries
     * again for a minute, so a restarted database leaves a failed import that can be resumed.
     */
    private void ensureFailed(UUID importId, String failureKey) {
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                transactions.executeWithoutResult(status -> runs.lock(importId)
                        .filter(run -> run.state() == ImportState.RUNNING
                                || run.state() == ImportState.CHECKING
                                || run.state() == ImportState.UNDOING
                                || run.state() == ImportState.QUEUED)
                        .ifPresent(run -> {
                            if (!runs.finished(importId, ImportState.FAILED, failureKey)) {
                                ImportJobListener.leftToAnotherNode(importId, "failed here");
                            }
                        }));
                return;
            } catch (RuntimeException e) {
                LOG.info("Import {}: could not record its failure yet ({}), trying again", importId, e.getMessage());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static JobParameters parameters(UUID importId, int runNumber, UUID tenantId, UUID userId) {
        return new JobParametersBuilder()
                .addString(ImportJobs.IMPORT_ID, importId.toString())
                .addLong(ImportJobs.RUN, (long) runNumber)
                .addString(ImportJobs.TENANT_ID, tenantId.toString(), false)
                .addString(ImportJobs.USER_ID, userId.toString(), false)
                .toJobParameters();
    }

    /**
     * At start-up: takes over the imports whose node stopped while they ran; then looks again every
     * {@code nexo.imports.sweep} (if not zero) for imports whose node stopped or stalled since.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        workers.execute(this::resumeInterrupted);
        if (!sweep.isZero()) {
            sweeper.scheduleWithFixedDelay(
                    this::sweep, sweep.toMillis(), sweep.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** One periodic look: never throws, or the schedule would stop looking. */
    private void sweep() {
        try {
            resumeInterrupted();
        } catch (RuntimeException e) {
            LOG.warn("Could not take over interrupted imports", e);
        }
    }

    /**
     * Takes over every interrupted import (whose lease ran out) and resumes it on this node; returns how
     * many. The take-over is one statement: of two nodes looking at once, only one gets each import.
     */
    int resumeInterrupted() {
        List<ImportRuns.Interrupted> interrupted;
        try {
            interrupted = transactions.execute(status -> runs.claimInterrupted(lease));
        } catch (RuntimeException e) {
            LOG.warn("Could not look for interrupted imports", e);
            return 0;
        }
        for (ImportRuns.Interrupted one : interrupted) {
            TenantContext.callAsSystem(one.tenantId(), one.userId(), () -> {
                ImportRuns.Run run =
                        transactions.execute(status -> runs.find(one.importId()).orElseThrow());
                LOG.info("Resuming import {} of tenant {}", one.importId(), one.tenantId());
                if (run.jobExecutionId() == null) {
                    start(
                            one.importId(),
                            one.tenantId(),
                            one.userId(),
                            run.runNumber(),
                            run.state() == ImportState.UNDOING);
                } else {
                    resume(one.importId(), one.tenantId(), one.userId(), run.jobExecutionId());
                }
                return null;
            });
        }
        return interrupted.size();
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
        heartbeats.shutdownNow();
        workers.shutdown();
    }
}

package com.nexo.imports.jobs;

import java.util.UUID;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import centre's two Spring Batch jobs. {@code nexo-import}: load (stream the file into staging),
 * check (checks across the whole file), apply (the target, chunk by chunk); a dry run is the same job
 * with the target told not to write. {@code nexo-import-undo}: the import's changes given back to the
 * target. Both run in the tenant's context on the thread {@link ImportLauncher} gives them, so every
 * transaction of theirs (the job repository's too) runs under the tenant's row-level security.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportJobSettings.class)
class ImportJobs {

    static final String IMPORT_JOB = "nexo-import";
    static final String UNDO_JOB = "nexo-import-undo";
    static final String IMPORT_ID = "importId";
    static final String RUN = "run";
    static final String TENANT_ID = "tenantId";
    static final String USER_ID = "userId";

    static UUID importId(JobExecution execution) {
        return UUID.fromString(execution.getJobParameters().getString(IMPORT_ID));
    }

    @Bean
    Job importJob(
            JobRepository repository,
            PlatformTransactionManager transactions,
            LoadTasklet load,
            CheckTasklet check,
            ApplyTasklet apply,
            ImportJobListener listener) {
        Step loadStep = new StepBuilder("load", repository)
                .tasklet(load, transactions)
                .listener(load)
                .build();
        Step checkStep = new StepBuilder("check", repository)
                .tasklet(check, transactions)
                .build();
        Step applyStep = new StepBuilder("apply", repository)
                .tasklet(apply, transactions)
                .build();
        return new JobBuilder(IMPORT_JOB, repository)
                .listener(listener)
                .start(loadStep)
                .next(checkStep)
                .next(applyStep)
                .build();
    }

    @Bean
    Job undoJob(
            JobRepository repository,
            PlatformTransactionManager transactions,
            UndoTasklet undo,
            ImportJobListener listener) {
        Step undoStep =
                new StepBuilder("undo", repository).tasklet(undo, transactions).build();
        return new JobBuilder(UNDO_JOB, repository)
                .listener(listener)
                .start(undoStep)
                .build();
    }
}

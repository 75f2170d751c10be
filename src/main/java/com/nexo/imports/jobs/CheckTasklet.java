package com.nexo.imports.jobs;

import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Second step: checks that need the whole file, set-based. A key seen on an earlier line refuses the
 * later lines (pointing at the first); the rows refused so far count as done.
 */
@Component
class CheckTasklet implements Tasklet {

    private final JdbcClient jdbc;
    private final ImportRuns runs;
    private final ImportJobSettings settings;
    private final ImportNotifier notifier;

    CheckTasklet(JdbcClient jdbc, ImportRuns runs, ImportJobSettings settings, ImportNotifier notifier) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.notifier = notifier;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        UUID importId = ImportJobs.importId(
                chunkContext.getStepContext().getStepExecution().getJobExecution());
        ImportRuns.Run run = runs.find(importId).orElseThrow();
        // Staging was just filled and has no statistics yet: a nested loop over what the planner takes
        // for a few rows would read the whole import once per row. Sort and hash instead.
        jdbc.sql("SELECT set_config('enable_nestloop', 'off', true)")
                .query(String.class)
                .single();
        jdbc.sql("UPDATE import_line l SET refusal_field = :field, refusal_key = 'imports.refusal.duplicate-key',"
                        + " refusal_args = ARRAY[d.first::text]"
                        + " FROM (SELECT line, first_value(line) OVER (PARTITION BY key ORDER BY line) AS first"
                        + "         FROM import_line WHERE import_id = :id AND key IS NOT NULL AND refusal_key IS NULL) d"
                        + " WHERE l.import_id = :id AND l.line = d.line AND d.first <> d.line")
                .param("id", importId)
                .param("field", run.request().keyField())
                .update();
        long refused = jdbc.sql("SELECT count(*) FROM import_line WHERE import_id = :id AND refusal_key IS NOT NULL")
                .param("id", importId)
                .query(Long.class)
                .single();
        runs.addCounts(importId, run.dryRun(), refused, new ImportCounts(0, 0, 0, refused), settings.lease());
        notifier.afterCommit(importId);
        return RepeatStatus.FINISHED;
    }
}

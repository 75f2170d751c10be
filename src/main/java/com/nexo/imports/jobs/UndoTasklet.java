package com.nexo.imports.jobs;

import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
import com.nexo.imports.RowAction;
import com.nexo.imports.UndoOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The undo job's step: hands the import's changes back to the target one committed chunk at a time
 * (newest line first) and keeps what became of each.
 */
@Component
class UndoTasklet implements Tasklet {

    private final JdbcClient jdbc;
    private final ImportRuns runs;
    private final ImportTargets targets;
    private final ImportJobSettings settings;
    private final ImportNotifier notifier;

    UndoTasklet(
            JdbcClient jdbc,
            ImportRuns runs,
            ImportTargets targets,
            ImportJobSettings settings,
            ImportNotifier notifier) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.targets = targets;
        this.settings = settings;
        this.notifier = notifier;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        UUID importId = ImportJobs.importId(step.getJobExecution());
        ImportRuns.Run run = runs.find(importId).orElseThrow();
        ImportTarget target = targets.get(run.target());
        // Rows done earlier by this undo have their result; a restarted undo goes on with the rest.
        List<ImportedChange> changes = pending(jdbc, importId, settings.applyRows());
        if (changes.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        boolean includeLater = Boolean.TRUE.equals(run.undoIncludeLater());
        List<UndoOutcome> outcomes = target.undo(changes, includeLater, true);
        Map<UUID, UndoOutcome.Result> byEntity = new HashMap<>();
        outcomes.forEach(outcome -> byEntity.put(outcome.entityId(), outcome.result()));
        Object[] lines = changes.stream().map(ImportedChange::line).toArray();
        Object[] results = changes.stream()
                .map(change -> byEntity.getOrDefault(change.entityId(), UndoOutcome.Result.GONE)
                        .name())
                .toArray();
        jdbc.sql("UPDATE import_change c SET undo_result = r.result FROM unnest(:lines::bigint[], :results::text[])"
                        + " AS r(line, result) WHERE c.import_id = :id AND c.line = r.line")
                .param("id", importId)
                .param("lines", new SqlArrayValue("bigint", lines))
                .param("results", new SqlArrayValue("text", results))
                .update();
        long undone = outcomes.stream()
                .filter(o -> o.result() != UndoOutcome.Result.CHANGED_LATER)
                .count();
        runs.addUndone(importId, undone, settings.lease());
        contribution.incrementWriteCount(changes.size());
        notifier.afterCommit(importId);
        return changes.size() < settings.applyRows() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /** Changes not undone yet, newest line first (so later rows that built on earlier ones go first). */
    static List<ImportedChange> pending(JdbcClient jdbc, UUID importId, int limit) {
        return jdbc.sql("SELECT line, entity_id, action, undo_data::text, version_after FROM import_change"
                        + " WHERE import_id = :id AND undo_result IS NULL ORDER BY line DESC LIMIT :limit")
                .param("id", importId)
                .param("limit", limit)
                .query((rs, i) -> {
                    long version = rs.getLong("version_after");
                    Long versionAfter = rs.wasNull() ? null : version;
                    return new ImportedChange(
                            rs.getLong("line"),
                            rs.getObject("entity_id", UUID.class),
                            RowAction.valueOf(rs.getString("action")),
                            rs.getString("undo_data"),
                            versionAfter);
                })
                .list();
    }

    /** A page of all the import's changes, by line, for the preview of an undo. */
    static List<ImportedChange> page(JdbcClient jdbc, UUID importId, long afterLine, int limit) {
        return jdbc.sql("SELECT line, entity_id, action, undo_data::text, version_after FROM import_change"
                        + " WHERE import_id = :id AND undo_result IS NULL AND line > :after ORDER BY line LIMIT :limit")
                .param("id", importId)
                .param("after", afterLine)
                .param("limit", limit)
                .query((rs, i) -> {
                    long version = rs.getLong("version_after");
                    Long versionAfter = rs.wasNull() ? null : version;
                    return new ImportedChange(
                            rs.getLong("line"),
                            rs.getObject("entity_id", UUID.class),
                            RowAction.valueOf(rs.getString("action")),
                            rs.getString("undo_data"),
                            versionAfter);
                })
                .list();
    }
}

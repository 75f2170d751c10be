package com.nexo.imports.jobs;

import com.nexo.imports.ImportBatch;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportRow;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Third step: hands the staged rows to the target one chunk at a time, each chunk in one transaction
 * with what the import keeps of it (refusals, changes for undo, counts) and the line reached, so a
 * restarted job goes on after the last committed chunk without doing a row twice. Applied rows leave
 * staging with their chunk.
 */
@Component
class ApplyTasklet implements Tasklet {

    static final String LINE = "apply.line";

    private final JdbcClient jdbc;
    private final ImportRuns runs;
    private final ImportTargets targets;
    private final ImportJobSettings settings;
    private final ImportNotifier notifier;

    ApplyTasklet(
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

    private record Staged(long line, String[] vals) {}

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        UUID importId = ImportJobs.importId(step.getJobExecution());
        long after = context.getLong(LINE, 0);
        ImportRuns.Run run = runs.find(importId).orElseThrow();
        ImportTarget target = targets.get(run.target());
        List<ImportField> fields = target.fields();
        if (!run.dryRun()) {
            refreshStatistics(target);
        }

        List<Staged> staged = jdbc.sql("SELECT line, vals FROM import_line WHERE import_id = :id AND line > :after"
                        + " AND refusal_key IS NULL ORDER BY line LIMIT :limit")
                .param("id", importId)
                .param("after", after)
                .param("limit", settings.applyRows())
                .query((rs, i) ->
                        new Staged(rs.getLong(1), (String[]) rs.getArray(2).getArray()))
                .list();
        if (staged.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        List<ImportRow> rows = new ArrayList<>(staged.size());
        for (Staged row : staged) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size() && i < row.vals().length; i++) {
                Object value = StagedValues.decode(fields.get(i), row.vals()[i]);
                if (value != null) {
                    values.put(fields.get(i).id(), value);
                }
            }
            rows.add(new ImportRow(row.line(), values));
        }
        boolean write = !run.dryRun();
        List<RowOutcome> outcomes =
                target.apply(new ImportBatch(importId, run.request().keyField(), write, rows));
        check(staged, outcomes);
        long last = staged.get(staged.size() - 1).line();

        long created = 0, updated = 0, unchanged = 0, refused = 0;
        List<RowOutcome> refusals = new ArrayList<>();
        List<RowOutcome> changes = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            switch (outcome.action()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> refused++;
            }
            if (outcome.action() == RowAction.REFUSED) {
                refusals.add(outcome);
            } else if (write && outcome.action() != RowAction.UNCHANGED) {
                changes.add(outcome);
            }
        }
        keepRefusals(importId, refusals);
        keepChanges(importId, changes);
        jdbc.sql("DELETE FROM import_line WHERE import_id = :id AND line > :after AND line <= :last"
                        + " AND refusal_key IS NULL")
                .param("id", importId)
                .param("after", after)
                .param("last", last)
                .update();
        runs.addCounts(
                importId,
                run.dryRun(),
                outcomes.size(),
                new ImportCounts(created, updated, unchanged, refused),
                settings.lease());
        context.putLong(LINE, last);
        contribution.incrementWriteCount(outcomes.size());
        notifier.afterCommit(importId);
        return staged.size() < settings.applyRows() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /**
     * Lets the database refresh the statistics of the tables the target grows, once they have grown by
     * half since they were last analysed: otherwise lists elsewhere keep plans made for a small table
     * (a whole read and a sort) while the import adds rows to it.
     */
    private void refreshStatistics(ImportTarget target) {
        for (String table : target.tables()) {
            jdbc.sql("SELECT nexo_refresh_statistics(CAST(:table AS regclass))")
                    .param("table", table)
                    .query(Boolean.class)
                    .single();
        }
    }

    private static void check(List<Staged> staged, List<RowOutcome> outcomes) {
        Set<Long> lines = new HashSet<>();
        for (Staged row : staged) {
            lines.add(row.line());
        }
        Set<Long> seen = new HashSet<>();
        for (RowOutcome outcome : outcomes) {
            if (!lines.contains(outcome.line()) || !seen.add(outcome.line())) {
                throw new IllegalStateException(
                        "target gave an outcome for line " + outcome.line() + " twice or unasked");
            }
        }
        if (seen.size() != lines.size()) {
            throw new IllegalStateException("target gave " + seen.size() + " outcomes for " + lines.size() + " rows");
        }
    }

    private void keepRefusals(UUID importId, List<RowOutcome> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        Long[] lines = refusals.stream().map(RowOutcome::line).toArray(Long[]::new);
        String[] fields = refusals.stream().map(o -> o.refusal().field()).toArray(String[]::new);
        String[] keys = refusals.stream().map(o -> o.refusal().messageKey()).toArray(String[]::new);
        String[] args = refusals.stream()
                .map(o -> LoadTasklet.arrayLiteral(o.refusal().args().toArray(String[]::new)))
                .toArray(String[]::new);
        jdbc.sql("UPDATE import_line l SET refusal_field = r.field, refusal_key = r.key, refusal_args = r.args::text[]"
                        + " FROM unnest(:lines::bigint[], :fields::text[], :keys::text[], :args::text[])"
                        + " AS r(line, field, key, args) WHERE l.import_id = :id AND l.line = r.line")
                .param("id", importId)
                .param("lines", new SqlArrayValue("bigint", (Object[]) lines))
                .param("fields", new SqlArrayValue("text", (Object[]) fields))
                .param("keys", new SqlArrayValue("text", (Object[]) keys))
                .param("args", new SqlArrayValue("text", (Object[]) args))
                .update();
    }

    private void keepChanges(UUID importId, List<RowOutcome> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO import_change (import_id, line, entity_id, action, undo_data, version_after)"
                        + " SELECT :id, c.line, c.entity, c.action, c.undo::jsonb, c.version"
                        + " FROM unnest(:lines::bigint[], :entities::uuid[], :actions::text[], :undo::text[],"
                        + " :versions::bigint[]) AS c(line, entity, action, undo, version)")
                .param("id", importId)
                .param(
                        "lines",
                        new SqlArrayValue(
                                "bigint", changes.stream().map(RowOutcome::line).toArray()))
                .param(
                        "entities",
                        new SqlArrayValue(
                                "uuid",
                                changes.stream().map(RowOutcome::entityId).toArray()))
                .param(
                        "actions",
                        new SqlArrayValue(
                                "text",
                                changes.stream().map(o -> o.action().name()).toArray()))
                .param(
                        "undo",
                        new SqlArrayValue(
                                "text",
                                changes.stream().map(RowOutcome::undoData).toArray()))
                .param(
                        "versions",
                        new SqlArrayValue(
                                "bigint",
                                changes.stream().map(RowOutcome::versionAfter).toArray()))
                .update();
    }
}

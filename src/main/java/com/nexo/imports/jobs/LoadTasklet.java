package com.nexo.imports.jobs;

import com.nexo.base.files.FileStorage;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.Refusal;
import com.nexo.imports.file.CsvFormatException;
import com.nexo.imports.file.CsvRecord;
import com.nexo.imports.file.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * First step of an import: reads the stored file as a stream, maps and checks each record, and loads
 * the rows into staging with {@code COPY}, one committed chunk at a time. The line reached is kept in
 * the step's context in the same transaction, so a restarted job reads on from there.
 */
@Component
class LoadTasklet implements Tasklet, StepExecutionListener {

    static final String LINE = "load.line";
    static final String COUNT = "load.count";

    private final FileStorage files;
    private final ImportRuns runs;
    private final ImportTargets targets;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportJobSettings settings;
    private final ImportNotifier notifier;
    private final Map<Long, Reading> readings = new ConcurrentHashMap<>();

    LoadTasklet(
            FileStorage files,
            ImportRuns runs,
            ImportTargets targets,
            DataSource dataSource,
            JdbcClient jdbc,
            ImportJobSettings settings,
            ImportNotifier notifier) {
        this.notifier = notifier;
        this.files = files;
        this.runs = runs;
        this.targets = targets;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The file being read by one step execution. */
    private static final class Reading {
        final InputStream in;
        final CsvRows rows;
        final MappedRows mapper;
        boolean ended;

        Reading(InputStream in, CsvRows rows, MappedRows mapper) {
            this.in = in;
            this.rows = rows;
            this.mapper = mapper;
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        UUID importId = ImportJobs.importId(step.getJobExecution());
        long after = context.getLong(LINE, 1);
        long count = context.getLong(COUNT, 0);
        Reading reading = readings.computeIfAbsent(step.getId(), ignored -> open(importId, after));

        StringBuilder copy = new StringBuilder(256 * 1024);
        int rows = 0;
        long last = after;
        while (rows < settings.loadRows() && !reading.ended) {
            CsvRecord record;
            try {
                if (!reading.rows.hasNext()) {
                    reading.ended = true;
                    break;
                }
                record = reading.rows.next();
            } catch (CsvFormatException e) {
                // The rest of the file cannot be read apart: the line where it broke is refused.
                reading.ended = true;
                appendRow(copy, importId, e.line(), null, new String[0], Refusal.of(null, e.messageKey()));
                rows++;
                last = e.line();
                break;
            }
            MappedRows.Mapped mapped = reading.mapper.map(record);
            appendRow(copy, importId, mapped.line(), mapped.key(), mapped.staged(), mapped.firstProblem());
            rows++;
            last = mapped.line();
        }
        if (rows > 0) {
            copyIn(copy);
            jdbc.sql("SELECT nexo_imports_take_inbox(:id)")
                    .param("id", importId)
                    .query(Long.class)
                    .single();
            count += rows;
        }
        runs.loaded(importId, count, settings.lease());
        context.putLong(LINE, last);
        context.putLong(COUNT, count);
        contribution.incrementWriteCount(rows);
        notifier.afterCommit(importId);
        return reading.ended ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    private Reading open(UUID importId, long after) {
        ImportRuns.Run run = runs.find(importId).orElseThrow(() -> new IllegalStateException("no import " + importId));
        ImportTarget target = targets.get(run.target());
        InputStream in = files.open(run.fileId()).orElseThrow(() -> new IllegalStateException("file gone"));
        CsvRows rows = CsvRows.open(in, run.request().settings());
        int headerSize = rows.hasNext() ? rows.next().cells().size() : 0;
        Reading reading = new Reading(in, rows, new MappedRows(target, run.request(), headerSize));
        // A restarted load reads on after the last line committed.
        if (after > 1) {
            while (reading.rows.hasNext()) {
                CsvRecord record = reading.rows.next();
                if (record.line() >= after) {
                    // Records are read whole, so the last committed one ends just before this one;
                    // it was committed only if its line is the one kept.
                    if (record.line() > after) {
                        throw new IllegalStateException("file changed under a restarted import");
                    }
                    break;
                }
            }
        }
        return reading;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Reading reading = readings.remove(stepExecution.getId());
        if (reading != null) {
            try {
                reading.rows.close();
                reading.in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stepExecution.getExitStatus();
    }

    private void copyIn(StringBuilder copy) throws SQLException, IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY import_inbox (import_id, line, key, vals, refusal_field, refusal_key, refusal_args)"
                                + " FROM STDIN",
                        new StringReader(copy.toString()));
    }

    // --- COPY's text format -------------------------------------------------------------------

    static void appendRow(StringBuilder out, UUID importId, long line, String key, String[] vals, Refusal refusal) {
        out.append(importId).append('\t').append(line).append('\t');
        appendField(out, key);
        out.append('\t');
        appendField(out, arrayLiteral(vals));
        out.append('\t');
        if (refusal == null) {
            out.append("\\N\t\\N\t\\N");
        } else {
            appendField(out, refusal.field());
            out.append('\t');
            appendField(out, refusal.messageKey());
            out.append('\t');
            appendField(out, arrayLiteral(refusal.args().toArray(String[]::new)));
        }
        out.append('\n');
    }

    private static void appendField(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** A text[] literal: every element quoted (NULL unquoted), quotes and backslashes escaped. */
    static String arrayLiteral(String[] values) {
        StringBuilder literal = new StringBuilder(values.length * 12 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            String value = values[i];
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}

package com.nexo.imports.jobs;

import com.nexo.base.Ids;
import com.nexo.base.csv.CsvWriter;
import com.nexo.base.files.FileStorage;
import com.nexo.base.files.FileTooLargeException;
import com.nexo.base.files.StoredFile;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportPermissions;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
import com.nexo.imports.Refusal;
import com.nexo.imports.UndoOutcome;
import com.nexo.imports.file.CsvFormatException;
import com.nexo.imports.file.CsvRecord;
import com.nexo.imports.file.CsvRows;
import com.nexo.imports.file.CsvSniffer;
import com.nexo.imports.file.HeaderMatcher;
import com.nexo.imports.file.ImportSettings;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The import centre's service ({@link ImportCentre}). */
@Service
class ImportCentreService implements ImportCentre {

    private static final String PURPOSE = "imports";
    private static final int HEAD_BYTES = 64 * 1024;

    private final ImportTargets targets;
    private final ImportRuns runs;
    private final FileStorage files;
    private final ImportLauncher launcher;
    private final ImportProgress progress;
    private final ImportJobSettings settings;
    private final JdbcClient jdbc;

    ImportCentreService(
            ImportTargets targets,
            ImportRuns runs,
            FileStorage files,
            ImportLauncher launcher,
            ImportProgress progress,
            ImportJobSettings settings,
            JdbcClient jdbc) {
        this.targets = targets;
        this.runs = runs;
        this.files = files;
        this.launcher = launcher;
        this.progress = progress;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    @RolesAllowed(ImportPermissions.READ)
    public List<ImportTarget> targets() {
        return targets.all().stream().filter(ImportCentreService::mayImport).toList();
    }

    private static boolean mayImport(ImportTarget target) {
        return target.permissions().stream().allMatch(CurrentUser::can);
    }

    private ImportTarget allowedTarget(String id) {
        ImportTarget target = targets.get(id);
        if (!mayImport(target)) {
            throw new ImportRuleException("imports.error.target-not-allowed");
        }
        return target;
    }

    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.RUN)
    public ImportDraft upload(String fileName, InputStream content) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        StoredFile stored;
        try {
            stored = files.store(name, "text/csv", PURPOSE, content, settings.maxFileBytes());
        } catch (FileTooLargeException e) {
            throw new ImportRuleException("imports.error.too-large", settings.maxFileBytes() / (1024 * 1024));
        }
        UUID id = Ids.newId();
        NexoUser user = CurrentUser.get().orElseThrow();
        runs.create(id, stored.id(), name, stored.size(), user.displayName());
        ImportSettings detected;
        try (InputStream in = files.open(stored.id()).orElseThrow()) {
            detected = CsvSniffer.detect(in.readNBytes(HEAD_BYTES));
        }
        return new ImportDraft(id, name, stored.size(), detected, headers(stored.id(), detected));
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.RUN)
    public ImportDraft reread(UUID importId, ImportSettings settings) {
        ImportRuns.Run run = run(importId);
        ImportSummary summary = runs.summary(importId).orElseThrow();
        return new ImportDraft(
                importId, summary.fileName(), summary.fileSize(), settings, headers(run.fileId(), settings));
    }

    private List<String> headers(UUID fileId, ImportSettings settings) {
        try (InputStream in = files.open(fileId).orElseThrow();
                CsvRows rows = CsvRows.open(in, settings)) {
            if (!rows.hasNext()) {
                throw new ImportRuleException("imports.error.empty");
            }
            return rows.next().cells().stream().map(String::strip).toList();
        } catch (CsvFormatException e) {
            throw new ImportRuleException("imports.error.unreadable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.RUN)
    public ImportMapping propose(UUID importId, String targetId, ImportSettings settings) {
        ImportTarget target = allowedTarget(targetId);
        return new ImportMapping(HeaderMatcher.propose(headers(run(importId).fileId(), settings), target.fields()));
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.RUN)
    public List<PreviewRow> preview(UUID importId, ImportRequest request, int rows) {
        ImportTarget target = allowedTarget(request.targetId());
        ImportRuns.Run run = run(importId);
        List<PreviewRow> preview = new ArrayList<>();
        try (InputStream in = files.open(run.fileId()).orElseThrow();
                CsvRows records = CsvRows.open(in, request.settings())) {
            if (!records.hasNext()) {
                return preview;
            }
            MappedRows mapper =
                    new MappedRows(target, request, records.next().cells().size());
            while (preview.size() < rows && records.hasNext()) {
                CsvRecord record;
                try {
                    record = records.next();
                } catch (CsvFormatException e) {
                    preview.add(
                            new PreviewRow(e.line(), List.of(), Map.of(), List.of(Refusal.of(null, e.messageKey()))));
                    break;
                }
                MappedRows.Mapped mapped = mapper.map(record);
                preview.add(new PreviewRow(
                        record.line(), record.cells(), mapper.valuesByField(mapped.values()), mapped.problems()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return preview;
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.RUN)
    public List<SavedMapping> savedMappings(String targetId) {
        return runs.mappings(targetId);
    }

    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.RUN)
    public SavedMapping saveMapping(String targetId, String name, List<String> headers, ImportMapping mapping) {
        allowedTarget(targetId);
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new ImportRuleException("imports.error.mapping-name");
        }
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            mapping.field(column).ifPresent(field -> byHeader.put(headers.get(column), field));
        }
        return runs.saveMapping(Ids.newId(), targetId, name.strip(), byHeader);
    }

    @Override
    @RolesAllowed(ImportPermissions.RUN)
    public ImportMapping apply(SavedMapping saved, List<String> headers) {
        List<String> fields = new ArrayList<>();
        for (String header : headers) {
            fields.add(saved.fieldByHeader().get(header));
        }
        return new ImportMapping(fields);
    }

    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.RUN)
    public void startDryRun(UUID importId, ImportRequest request) {
        launch(importId, request, true);
    }

    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.RUN)
    public void start(UUID importId, ImportRequest request) {
        launch(importId, request, false);
    }

    /** Checks the request and queues the job; the job starts once this transaction has committed. */
    private void launch(UUID importId, ImportRequest request, boolean dryRun) {
        ImportTarget target = allowedTarget(request.targetId());
        check(target, request);
        ImportRuns.Run run = runs.lock(importId).orElseThrow(() -> new ImportRuleException("imports.error.not-found"));
        if (run.state() != ImportState.DRAFT
                && run.state() != ImportState.CHECKED
                && run.state() != ImportState.FAILED) {
            throw new ImportRuleException("imports.error.not-startable");
        }
        if (run.state() == ImportState.FAILED && !run.dryRun()) {
            // A failed run already changed records: it is resumed or undone, not run again from the start.
            throw new ImportRuleException("imports.error.resume-instead");
        }
        int number = runs.prepareRun(importId, request, dryRun, settings.lease());
        NexoUser user = CurrentUser.get().orElseThrow();
        afterCommit(() -> launcher.start(importId, user.tenantId(), user.userId(), number, false));
    }

    private static void check(ImportTarget target, ImportRequest request) {
        if (!target.keyFields().contains(request.keyField())) {
            throw new ImportRuleException("imports.error.key-field");
        }
        for (ImportField field : target.fields()) {
            if (field.required() && request.mapping().columnOf(field.id()) < 0) {
                throw new ImportRuleException("imports.error.required-unmapped", field.labelKey());
            }
        }
        List<String> seen = new ArrayList<>();
        for (String field : request.mapping().fieldPerColumn()) {
            if (field == null) {
                continue;
            }
            if (seen.contains(field)) {
                throw new ImportRuleException("imports.error.mapped-twice");
            }
            if (target.fields().stream().noneMatch(f -> f.id().equals(field))) {
                throw new ImportRuleException("imports.error.no-field");
            }
            seen.add(field);
        }
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.RUN)
    public Optional<ImportRequest> request(UUID importId) {
        return runs.find(importId).map(ImportRuns.Run::request);
    }

    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.RUN)
    public void resume(UUID importId) {
        ImportRuns.Run run = runs.lock(importId).orElseThrow(() -> new ImportRuleException("imports.error.not-found"));
        allowedTarget(run.target());
        if (run.state() != ImportState.FAILED) {
            throw new ImportRuleException("imports.error.not-resumable");
        }
        runs.resumeHere(importId, run.dryRun() ? ImportState.CHECKING : ImportState.RUNNING, settings.lease());
        NexoUser user = CurrentUser.get().orElseThrow();
        Long execution = run.jobExecutionId();
        afterCommit(() -> {
            if (execution == null) {
                launcher.start(importId, user.tenantId(), user.userId(), run.runNumber(), false);
            } else {
                launcher.resume(importId, user.tenantId(), user.userId(), execution);
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.READ)
    public Optional<ImportSummary> find(UUID importId) {
        return runs.summary(importId);
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.READ)
    public List<ImportSummary> history(int offset, int limit) {
        return runs.history(offset, limit);
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.READ)
    public long historySize() {
        return runs.historySize();
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.READ)
    public List<RefusedRow> refusals(UUID importId, int offset, int limit) {
        ImportRuns.Run run = run(importId);
        List<String> headers = run.request() == null
                ? List.of()
                : headers(run.fileId(), run.request().settings());
        return runs.refusalsPage(importId, offset, limit).stream()
                .map(stored -> new RefusedRow(stored.line(), column(run, headers, stored.refusal()), stored.refusal()))
                .toList();
    }

    private static String column(ImportRuns.Run run, List<String> headers, Refusal refusal) {
        if (refusal.field() == null || run.request() == null) {
            return null;
        }
        int column = run.request().mapping().columnOf(refusal.field());
        return column >= 0 && column < headers.size() ? headers.get(column) : refusal.field();
    }

    @Override
    @Transactional(readOnly = true)
    @RolesAllowed(ImportPermissions.READ)
    public void writeRefusals(UUID importId, Locale locale, OutputStream out) throws IOException {
        ImportRuns.Run run = run(importId);
        if (run.request() == null) {
            throw new ImportRuleException("imports.error.not-run");
        }
        ResourceBundle bundle = CsvWriter.translations(locale);
        try (InputStream in = files.open(run.fileId()).orElseThrow();
                CsvRows records = CsvRows.open(in, run.request().settings());
                CsvWriter csv = CsvWriter.open(out, locale, ZoneId.systemDefault())) {
            List<String> headers = records.hasNext() ? records.next().cells() : List.of();
            List<String> titles = new ArrayList<>(List.of(
                    text(bundle, "imports.refusals.line"),
                    text(bundle, "imports.refusals.column"),
                    text(bundle, "imports.refusals.reason")));
            titles.addAll(headers);
            csv.header(titles);
            // Refusals by line, a page at a time, matched against the file read once from the start.
            long after = 0;
            Iterator<ImportRuns.StoredRefusal> page =
                    List.<ImportRuns.StoredRefusal>of().iterator();
            CsvRecord record = null;
            while (true) {
                if (!page.hasNext()) {
                    List<ImportRuns.StoredRefusal> next = runs.refusals(importId, after, 1_000);
                    if (next.isEmpty()) {
                        break;
                    }
                    after = next.get(next.size() - 1).line();
                    page = next.iterator();
                }
                ImportRuns.StoredRefusal refusal = page.next();
                while ((record == null || record.line() < refusal.line()) && nextRecord(records)) {
                    record = records.next();
                }
                csv.number(refusal.line());
                csv.text(column(run, headers, refusal.refusal()));
                csv.text(reason(bundle, refusal.refusal()));
                if (record != null && record.line() == refusal.line()) {
                    for (String cell : record.cells()) {
                        csv.text(cell);
                    }
                }
                csv.endRow();
            }
        }
    }

    private static boolean nextRecord(CsvRows records) {
        try {
            return records.hasNext();
        } catch (CsvFormatException e) {
            return false;
        }
    }

    static String reason(ResourceBundle bundle, Refusal refusal) {
        return new MessageFormat(text(bundle, refusal.messageKey()), bundle.getLocale())
                .format(refusal.args().toArray());
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * Asks the target what undoing would do, without writing: a target may find out by trying under a
     * savepoint, so the transaction is a writing one that is always rolled back.
     */
    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.UNDO)
    public UndoPreview previewUndo(UUID importId) {
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                .setRollbackOnly();
        ImportRuns.Run run = run(importId);
        ImportTarget target = allowedTarget(run.target());
        long delete = 0, archive = 0, restore = 0;
        List<UndoPreview.ChangedLater> later = new ArrayList<>();
        long after = 0;
        while (true) {
            List<ImportedChange> changes = UndoTasklet.page(jdbc, importId, after, settings.applyRows());
            if (changes.isEmpty()) {
                break;
            }
            after = changes.get(changes.size() - 1).line();
            Map<UUID, Long> lineOf = new LinkedHashMap<>();
            changes.forEach(change -> lineOf.put(change.entityId(), change.line()));
            for (UndoOutcome outcome : target.undo(changes, false, false)) {
                switch (outcome.result()) {
                    case DELETED -> delete++;
                    case ARCHIVED -> archive++;
                    case RESTORED -> restore++;
                    case CHANGED_LATER -> {
                        if (later.size() < 500) {
                            later.add(new UndoPreview.ChangedLater(
                                    lineOf.getOrDefault(outcome.entityId(), 0L),
                                    outcome.entityId().toString()));
                        }
                    }
                    case GONE -> {}
                }
            }
        }
        return new UndoPreview(delete, archive, restore, later);
    }

    @Override
    @Transactional
    @RolesAllowed(ImportPermissions.UNDO)
    public void undo(UUID importId, boolean includeChangedLater) {
        ImportRuns.Run run = runs.lock(importId).orElseThrow(() -> new ImportRuleException("imports.error.not-found"));
        allowedTarget(run.target());
        boolean again = run.state() == ImportState.UNDONE && includeChangedLater;
        if (run.state() != ImportState.COMPLETED && !again && !(run.state() == ImportState.FAILED && !run.dryRun())) {
            throw new ImportRuleException("imports.error.not-undoable");
        }
        if (includeChangedLater) {
            jdbc.sql(
                            "UPDATE import_change SET undo_result = NULL WHERE import_id = :id AND undo_result = 'CHANGED_LATER'")
                    .param("id", importId)
                    .update();
        }
        int number = runs.prepareUndo(importId, includeChangedLater, settings.lease());
        NexoUser user = CurrentUser.get().orElseThrow();
        afterCommit(() -> launcher.start(importId, user.tenantId(), user.userId(), number, true));
    }

    @Override
    @RolesAllowed(ImportPermissions.READ)
    public Registration subscribe(UUID importId, Consumer<ImportSummary> listener) {
        return progress.subscribe(importId, listener);
    }

    private ImportRuns.Run run(UUID importId) {
        return runs.find(importId).orElseThrow(() -> new ImportRuleException("imports.error.not-found"));
    }

    private static void afterCommit(Runnable work) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            work.run();
                        }
                    });
        } else {
            work.run();
        }
    }
}

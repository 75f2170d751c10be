package com.nexo.imports.ui;

import com.nexo.imports.FieldType;
import com.nexo.imports.ImportBatch;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportRow;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
import com.nexo.imports.Refusal;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.UndoOutcome;
import com.nexo.imports.file.DateOrder;
import com.nexo.imports.file.DecimalStyle;
import com.nexo.imports.file.ImportSettings;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportCounts;
import com.nexo.imports.jobs.ImportDraft;
import com.nexo.imports.jobs.ImportMapping;
import com.nexo.imports.jobs.ImportRequest;
import com.nexo.imports.jobs.ImportState;
import com.nexo.imports.jobs.ImportSummary;
import com.nexo.imports.jobs.PreviewRow;
import com.nexo.imports.jobs.RefusedRow;
import com.nexo.imports.jobs.SavedMapping;
import com.nexo.imports.jobs.UndoPreview;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An import centre held in memory, for the screens' tests: one target (articles, by code), files read as
 * semicolon-separated text, and jobs that move only when the test publishes a new summary.
 */
class FakeImportCentre implements ImportCentre {

    static final ImportTarget FRUIT = new FruitTarget();

    final Map<UUID, List<String[]>> files = new HashMap<>();
    final Map<UUID, ImportSummary> imports = new LinkedHashMap<>();
    final Map<UUID, ImportRequest> requests = new HashMap<>();
    final List<SavedMapping> saved = new ArrayList<>();
    final List<Consumer<ImportSummary>> listeners = new CopyOnWriteArrayList<>();
    final List<String> calls = new ArrayList<>();
    List<RefusedRow> refused = List.of();
    UndoPreview undoPreview = new UndoPreview(0, 0, 0, List.of());

    @Override
    public List<ImportTarget> targets() {
        return List.of(FRUIT);
    }

    @Override
    public ImportDraft upload(String fileName, InputStream content) throws IOException {
        String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        List<String[]> lines = text.lines().map(line -> line.split(";", -1)).toList();
        UUID id = UUID.randomUUID();
        files.put(id, lines);
        imports.put(id, summary(id, fileName, ImportState.DRAFT, Optional.empty(), ImportCounts.NONE, 0, 0));
        return new ImportDraft(id, fileName, text.length(), settings(), List.of(lines.getFirst()));
    }

    static ImportSettings settings() {
        return new ImportSettings(StandardCharsets.UTF_8, ';', DecimalStyle.COMMA, DateOrder.DAY_MONTH_YEAR);
    }

    static ImportSummary summary(
            UUID id,
            String fileName,
            ImportState state,
            Optional<ImportCounts> dryRun,
            ImportCounts counts,
            long total,
            long done) {
        Instant created = Instant.parse("2026-12-04T09:00:00Z");
        return new ImportSummary(
                id,
                FRUIT.id(),
                fileName,
                2048,
                state,
                "Ana Admin",
                created,
                state == ImportState.DRAFT ? null : created.plusSeconds(5),
                state == ImportState.COMPLETED || state == ImportState.CHECKED ? created.plusSeconds(65) : null,
                total,
                done,
                dryRun,
                counts,
                state == ImportState.RUNNING ? 250 : 0,
                state == ImportState.FAILED ? Optional.of("imports.new.upload-failed") : Optional.empty());
    }

    @Override
    public ImportDraft reread(UUID importId, ImportSettings settings) {
        calls.add("reread " + settings.separator());
        return new ImportDraft(
                importId,
                imports.get(importId).fileName(),
                2048,
                settings,
                List.of(files.get(importId).getFirst()));
    }

    @Override
    public ImportMapping propose(UUID importId, String targetId, ImportSettings settings) {
        List<String> fields = new ArrayList<>();
        for (String header : files.get(importId).getFirst()) {
            fields.add(FRUIT.fields().stream()
                    .map(ImportField::id)
                    .filter(id -> id.equalsIgnoreCase(header.strip()))
                    .findFirst()
                    .orElse(null));
        }
        return new ImportMapping(fields);
    }

    @Override
    public List<PreviewRow> preview(UUID importId, ImportRequest request, int rows) {
        List<String[]> lines = files.get(importId);
        List<PreviewRow> preview = new ArrayList<>();
        for (int i = 1; i < lines.size() && i <= rows; i++) {
            Map<String, Object> values = new HashMap<>();
            List<Refusal> problems = new ArrayList<>();
            String[] cells = lines.get(i);
            for (int column = 0; column < cells.length; column++) {
                String field = request.mapping().field(column).orElse(null);
                if (field == null) {
                    continue;
                }
                if (field.equals("price")) {
                    try {
                        values.put(field, new BigDecimal(cells[column].replace(",", ".")));
                    } catch (NumberFormatException e) {
                        problems.add(Refusal.of(field, "imports.undo.changed-later-line", i + 1, cells[column]));
                    }
                } else {
                    values.put(field, cells[column]);
                }
            }
            preview.add(new PreviewRow(i + 1, List.of(cells), values, problems));
        }
        return preview;
    }

    @Override
    public List<SavedMapping> savedMappings(String targetId) {
        return List.copyOf(saved);
    }

    @Override
    public SavedMapping saveMapping(String targetId, String name, List<String> headers, ImportMapping mapping) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            mapping.field(i).ifPresent(field -> byHeader.put(headers.get(column), field));
        }
        SavedMapping mappingSaved = new SavedMapping(UUID.randomUUID(), targetId, name, byHeader);
        saved.add(mappingSaved);
        return mappingSaved;
    }

    @Override
    public ImportMapping apply(SavedMapping mapping, List<String> headers) {
        return new ImportMapping(headers.stream()
                .map(header -> mapping.fieldByHeader().get(header))
                .toList());
    }

    @Override
    public void startDryRun(UUID importId, ImportRequest request) {
        calls.add("dry run " + importId);
        requests.put(importId, request);
    }

    @Override
    public void start(UUID importId, ImportRequest request) {
        calls.add("start " + importId + " by " + request.keyField());
        requests.put(importId, request);
    }

    @Override
    public Optional<ImportRequest> request(UUID importId) {
        return Optional.ofNullable(requests.get(importId));
    }

    @Override
    public void resume(UUID importId) {
        calls.add("resume " + importId);
    }

    @Override
    public Optional<ImportSummary> find(UUID importId) {
        return Optional.ofNullable(imports.get(importId));
    }

    @Override
    public List<ImportSummary> history(int offset, int limit) {
        return imports.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long historySize() {
        return imports.size();
    }

    @Override
    public List<RefusedRow> refusals(UUID importId, int offset, int limit) {
        return refused.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public void writeRefusals(UUID importId, Locale locale, OutputStream out) throws IOException {
        out.write("line;column;reason\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public UndoPreview previewUndo(UUID importId) {
        return undoPreview;
    }

    @Override
    public void undo(UUID importId, boolean includeChangedLater) {
        calls.add("undo " + importId + (includeChangedLater ? " with changed later" : ""));
    }

    @Override
    public Registration subscribe(UUID importId, Consumer<ImportSummary> listener) {
        Consumer<ImportSummary> forThisImport = summary -> {
            if (summary.id().equals(importId)) {
                listener.accept(summary);
            }
        };
        listeners.add(forThisImport);
        return () -> listeners.remove(forThisImport);
    }

    /** What a job does as it goes: the import is now {@code summary}, and the listeners hear it. */
    void publish(ImportSummary summary) {
        imports.put(summary.id(), summary);
        listeners.forEach(listener -> listener.accept(summary));
    }

    /** A target of articles by code, with a required name and a price. */
    private static final class FruitTarget implements ImportTarget {

        @Override
        public String id() {
            return "fruit";
        }

        @Override
        public String labelKey() {
            return "menu.articles";
        }

        @Override
        public String descriptionKey() {
            return "imports.list.intro";
        }

        @Override
        public Set<String> permissions() {
            return Set.of();
        }

        @Override
        public List<ImportField> fields() {
            return List.of(
                    ImportField.of("code", "articles.field.code", FieldType.TEXT, true, "code"),
                    ImportField.of("name", "articles.field.name", FieldType.TEXT, true, "name"),
                    ImportField.of("price", "articles.field.sale-price", FieldType.DECIMAL, false, "price"));
        }

        @Override
        public List<String> keyFields() {
            return List.of("code");
        }

        @Override
        public List<RowOutcome> apply(ImportBatch batch) {
            return batch.rows().stream()
                    .map(ImportRow::line)
                    .map(line -> RowOutcome.unchanged(line, UUID.randomUUID()))
                    .toList();
        }

        @Override
        public List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write) {
            return List.of();
        }
    }
}

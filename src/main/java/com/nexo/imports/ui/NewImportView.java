package com.nexo.imports.ui;

import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.Notices;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportPermissions;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.file.DateOrder;
import com.nexo.imports.file.DecimalStyle;
import com.nexo.imports.file.ImportSettings;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportDraft;
import com.nexo.imports.jobs.ImportMapping;
import com.nexo.imports.jobs.ImportRequest;
import com.nexo.imports.jobs.PreviewRow;
import com.nexo.imports.jobs.SavedMapping;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A new import, on one page that grows as the user goes: the file (streamed to the import centre),
 * then what it holds and how it is read, where each column goes (proposed from the headers, or a saved
 * mapping), the key rows are matched by, and the first rows as they would be read. A dry run or the
 * import itself starts in the background and the user follows it on the import's page.
 */
@Route("imports/new")
@RolesAllowed(ImportPermissions.RUN)
public class NewImportView extends Main implements HasDynamicTitle {

    /** Rows of the file shown before running. */
    static final int PREVIEW_ROWS = 20;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final transient ImportCentre centre;
    private final transient List<ImportTarget> targets;
    private ImportDraft draft;
    /** Set while the page fills its fields itself, so that their listeners do not read the file again. */
    private boolean filling;

    final ImportFileUpload upload;
    final Span fileInfo = new Span();
    final RadioButtonGroup<ImportTarget> target = new RadioButtonGroup<>();
    final Select<Charset> encoding = new Select<>();
    final Select<Character> separator = new Select<>();
    final Select<DecimalStyle> decimals = new Select<>();
    final Select<DateOrder> dates = new Select<>();
    final ComboBox<SavedMapping> savedMapping = new ComboBox<>();
    final TextField mappingName = new TextField();
    final Button saveMapping = new Button();
    final Div columns = new Div();
    /** One field chooser per column of the file, in the file's order. */
    final List<ComboBox<ImportField>> fieldPerColumn = new ArrayList<>();

    private final List<Span> samples = new ArrayList<>();
    final ComboBox<String> keyField = new ComboBox<>();
    final Div problems = new Div();
    final Grid<PreviewRow> preview = new Grid<>();
    final Button dryRun = new Button();
    final Button runImport = new Button();
    private final Div afterUpload = new Div();

    public NewImportView(ImportCentre centre) {
        this.centre = centre;
        this.targets = centre.targets();
        addClassNames("import-page", "new-import");

        RouterLink back = new RouterLink(getTranslation("imports.back"), ImportCentreView.class);
        back.addClassName("detail-back");

        upload = new ImportFileUpload(centre, this::show);
        Paragraph uploadHint = new Paragraph(getTranslation(
                "imports.new.upload-hint",
                String.join(", ", ImportFileUpload.ACCEPTED),
                ImportFileUpload.MAX_BYTES / (1024 * 1024)));
        uploadHint.addClassName("form-note");
        fileInfo.addClassName("import-file");
        Section fileSection =
                DetailSections.section(getTranslation("imports.new.step.file"), uploadHint, upload, fileInfo);

        afterUpload.addClassName("import-steps");
        afterUpload.add(targetSection(), settingsSection(), mappingSection(), previewSection(), actions());
        afterUpload.setVisible(false);
        add(back, new H2(getTranslation("imports.new.title")), fileSection, afterUpload);
    }

    private Section targetSection() {
        target.setLabel(getTranslation("imports.new.target"));
        target.setItems(targets);
        target.setRenderer(new ComponentRenderer<>(choice ->
                GridCells.twoLines(getTranslation(choice.labelKey()), getTranslation(choice.descriptionKey()))));
        target.addClassName("import-targets");
        target.addValueChangeListener(change -> targetChanged());
        Section section = DetailSections.section(getTranslation("imports.new.step.target"), target);
        if (targets.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("imports.new.no-targets"));
            none.addClassName("form-problem");
            section.add(none);
        }
        return section;
    }

    private Section settingsSection() {
        encoding.setLabel(getTranslation("imports.settings.encoding"));
        encoding.setItems(StandardCharsets.UTF_8, WINDOWS_1252);
        encoding.setItemLabelGenerator(charset -> charset.equals(StandardCharsets.UTF_8)
                ? getTranslation("imports.settings.encoding.utf8")
                : charset.equals(WINDOWS_1252) ? getTranslation("imports.settings.encoding.windows") : charset.name());
        separator.setLabel(getTranslation("imports.settings.separator"));
        separator.setItems(';', ',', '\t');
        separator.setItemLabelGenerator(character -> switch (character) {
            case ';' -> getTranslation("imports.settings.separator.semicolon");
            case ',' -> getTranslation("imports.settings.separator.comma");
            default -> getTranslation("imports.settings.separator.tab");
        });
        decimals.setLabel(getTranslation("imports.settings.decimals"));
        decimals.setItems(DecimalStyle.values());
        decimals.setItemLabelGenerator(style -> style == DecimalStyle.COMMA
                ? getTranslation("imports.settings.decimals.comma")
                : getTranslation("imports.settings.decimals.point"));
        dates.setLabel(getTranslation("imports.settings.dates"));
        dates.setItems(DateOrder.values());
        dates.setItemLabelGenerator(order -> switch (order) {
            case DAY_MONTH_YEAR -> getTranslation("imports.settings.dates.dmy");
            case MONTH_DAY_YEAR -> getTranslation("imports.settings.dates.mdy");
            case YEAR_MONTH_DAY -> getTranslation("imports.settings.dates.ymd");
        });
        encoding.addValueChangeListener(change -> settingsChanged());
        separator.addValueChangeListener(change -> settingsChanged());
        decimals.addValueChangeListener(change -> settingsChanged());
        dates.addValueChangeListener(change -> settingsChanged());
        Div fields = new Div(encoding, separator, decimals, dates);
        fields.addClassName("import-settings");
        Paragraph note = new Paragraph(getTranslation("imports.settings.note"));
        note.addClassName("form-note");
        return DetailSections.section(getTranslation("imports.new.step.settings"), note, fields);
    }

    private Section mappingSection() {
        savedMapping.setLabel(getTranslation("imports.mapping.saved"));
        savedMapping.setItemLabelGenerator(SavedMapping::name);
        savedMapping.setClearButtonVisible(true);
        savedMapping.addValueChangeListener(change -> {
            if (!filling && change.getValue() != null && draft != null) {
                showMapping(centre.apply(change.getValue(), draft.headers()));
                mappingChanged();
            }
        });
        mappingName.setLabel(getTranslation("imports.mapping.name"));
        saveMapping.setText(getTranslation("imports.mapping.save"));
        saveMapping.addClickListener(click -> saveCurrentMapping());
        Div saved = new Div(savedMapping, mappingName, saveMapping);
        saved.addClassName("import-settings");

        keyField.setLabel(getTranslation("imports.mapping.key"));
        keyField.setHelperText(getTranslation("imports.mapping.key-help"));
        keyField.addValueChangeListener(change -> {
            if (!filling) {
                mappingChanged();
            }
        });
        keyField.addClassName("import-key");
        columns.addClassName("import-mapping");
        problems.addClassName("import-problems");
        return DetailSections.section(getTranslation("imports.new.step.mapping"), saved, columns, keyField, problems);
    }

    private Section previewSection() {
        preview.addClassName("import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        preview.setSelectionMode(Grid.SelectionMode.NONE);
        preview.setAllRowsVisible(true);
        preview.setPartNameGenerator(row -> row.problems().isEmpty() ? null : "import-refused");
        preview.setEmptyStateText(getTranslation("imports.preview.empty"));
        Paragraph note = new Paragraph(getTranslation("imports.preview.note", PREVIEW_ROWS));
        note.addClassName("form-note");
        return DetailSections.section(getTranslation("imports.new.step.preview"), note, preview);
    }

    private Div actions() {
        dryRun.setText(getTranslation("imports.new.dry-run"));
        dryRun.setIcon(VaadinIcon.CHECK_SQUARE_O.create());
        dryRun.addClickListener(click -> request().ifPresent(request -> {
            if (ImportLabels.attempt(this, () -> centre.startDryRun(draft.importId(), request))) {
                openDetail();
            }
        }));
        runImport.setText(getTranslation("imports.new.run"));
        runImport.setIcon(VaadinIcon.UPLOAD.create());
        runImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runImport.addClickListener(click -> request().ifPresent(request -> {
            if (ImportLabels.attempt(this, () -> centre.start(draft.importId(), request))) {
                openDetail();
            }
        }));
        Paragraph note = new Paragraph(getTranslation("imports.new.run-note"));
        note.addClassName("form-note");
        Div buttons = new Div(dryRun, runImport);
        buttons.addClassName("detail-actions");
        Div actions = new Div(note, buttons);
        actions.addClassName("import-actions");
        return actions;
    }

    /** The file is stored: shows how it was read and goes on to its target. */
    void show(ImportDraft uploaded) {
        this.draft = uploaded;
        fileInfo.setText(getTranslation(
                "imports.new.file",
                uploaded.fileName(),
                ImportLabels.size(this, uploaded.fileSize()),
                uploaded.headers().size()));
        fill(uploaded.settings());
        afterUpload.setVisible(true);
        if (target.getValue() == null && targets.size() == 1) {
            target.setValue(targets.getFirst()); // proposes the mapping through the listener
        } else {
            buildColumns();
            proposeMapping();
        }
    }

    private void fill(ImportSettings settings) {
        filling = true;
        try {
            if (!List.of(StandardCharsets.UTF_8, WINDOWS_1252).contains(settings.charset())) {
                encoding.setItems(StandardCharsets.UTF_8, WINDOWS_1252, settings.charset());
            }
            encoding.setValue(settings.charset());
            separator.setValue(settings.separator());
            decimals.setValue(settings.decimals());
            dates.setValue(settings.dates());
        } finally {
            filling = false;
        }
    }

    private Optional<ImportSettings> settings() {
        if (encoding.isEmpty() || separator.isEmpty() || decimals.isEmpty() || dates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ImportSettings(encoding.getValue(), separator.getValue(), decimals.getValue(), dates.getValue()));
    }

    private void settingsChanged() {
        if (filling || draft == null) {
            return;
        }
        settings().ifPresent(settings -> {
            List<String> before = draft.headers();
            Optional<ImportDraft> read = ImportLabels.tryCall(this, () -> centre.reread(draft.importId(), settings));
            if (read.isEmpty()) {
                return; // not readable so: the user picks other settings
            }
            draft = read.get();
            if (!before.equals(draft.headers())) {
                // Other columns (another separator): the old mapping means nothing for them.
                buildColumns();
                proposeMapping();
            } else {
                mappingChanged();
            }
        });
    }

    private void targetChanged() {
        ImportTarget chosen = target.getValue();
        filling = true;
        try {
            keyField.clear();
            savedMapping.clear();
            mappingName.clear();
            if (chosen == null) {
                keyField.setItems(List.of());
                savedMapping.setItems(List.of());
            } else {
                keyField.setItems(chosen.keyFields());
                keyField.setItemLabelGenerator(id -> fieldLabel(chosen, id));
                keyField.setValue(
                        chosen.keyFields().isEmpty() ? null : chosen.keyFields().getFirst());
                savedMapping.setItems(centre.savedMappings(chosen.id()));
            }
        } finally {
            filling = false;
        }
        if (draft != null) {
            buildColumns();
            proposeMapping();
        }
    }

    /** One row per column of the file: its header, its first value and the field it goes to. */
    private void buildColumns() {
        columns.removeAll();
        fieldPerColumn.clear();
        samples.clear();
        ImportTarget chosen = target.getValue();
        List<String> headers = draft.headers();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Span name = new Span(header.isBlank() ? getTranslation("imports.mapping.no-header", i + 1) : header);
            name.addClassName("import-column-name");
            Span sample = new Span();
            sample.addClassName("secondary");
            samples.add(sample);
            Div column = new Div(name, sample);
            column.addClassName("two-line-cell");

            ComboBox<ImportField> field = new ComboBox<>();
            field.setAriaLabel(getTranslation("imports.mapping.field-for", header));
            field.setPlaceholder(getTranslation("imports.mapping.skip"));
            field.setClearButtonVisible(true);
            field.setItems(chosen == null ? List.of() : chosen.fields());
            field.setItemLabelGenerator(this::fieldChoice);
            field.setEnabled(chosen != null);
            field.addValueChangeListener(change -> {
                if (!filling) {
                    mappingChanged();
                }
            });
            fieldPerColumn.add(field);
            Div row = new Div(column, field);
            row.addClassName("import-mapping-row");
            columns.add(row);
        }
    }

    private String fieldChoice(ImportField field) {
        String label = ImportLabels.field(this, field);
        return field.required() ? getTranslation("imports.mapping.required-field", label) : label;
    }

    private String fieldLabel(ImportTarget chosen, String fieldId) {
        return chosen.fields().stream()
                .filter(field -> field.id().equals(fieldId))
                .findFirst()
                .map(field -> ImportLabels.field(this, field))
                .orElse(fieldId);
    }

    private void proposeMapping() {
        ImportTarget chosen = target.getValue();
        Optional<ImportSettings> settings = settings();
        if (chosen == null || settings.isEmpty()) {
            mappingChanged();
            return;
        }
        ImportLabels.tryCall(this, () -> centre.propose(draft.importId(), chosen.id(), settings.get()))
                .ifPresent(this::showMapping);
        mappingChanged();
    }

    private void showMapping(ImportMapping mapping) {
        ImportTarget chosen = target.getValue();
        Map<String, ImportField> fields = new LinkedHashMap<>();
        chosen.fields().forEach(field -> fields.put(field.id(), field));
        filling = true;
        try {
            for (int i = 0; i < fieldPerColumn.size(); i++) {
                fieldPerColumn.get(i).setValue(mapping.field(i).map(fields::get).orElse(null));
            }
        } finally {
            filling = false;
        }
    }

    ImportMapping currentMapping() {
        return new ImportMapping(fieldPerColumn.stream()
                .map(field -> field.getValue() == null ? null : field.getValue().id())
                .toList());
    }

    /** What stops the import from running, in the reader's words; empty when it may run. */
    List<String> blockers() {
        List<String> found = new ArrayList<>();
        ImportTarget chosen = target.getValue();
        if (draft == null || chosen == null) {
            return found;
        }
        ImportMapping mapping = currentMapping();
        List<String> missing = chosen.fields().stream()
                .filter(ImportField::required)
                .filter(field -> mapping.columnOf(field.id()) < 0)
                .map(field -> ImportLabels.field(this, field))
                .toList();
        if (!missing.isEmpty()) {
            found.add(getTranslation("imports.mapping.missing-required", String.join(", ", missing)));
        }
        for (ImportField field : chosen.fields()) {
            if (mapping.fieldPerColumn().stream().filter(field.id()::equals).count() > 1) {
                found.add(getTranslation("imports.mapping.twice", ImportLabels.field(this, field)));
            }
        }
        if (keyField.isEmpty()) {
            found.add(getTranslation("imports.mapping.no-key"));
        } else if (mapping.columnOf(keyField.getValue()) < 0) {
            found.add(getTranslation("imports.mapping.key-not-mapped", fieldLabel(chosen, keyField.getValue())));
        }
        return found;
    }

    private void mappingChanged() {
        List<String> found = blockers();
        problems.removeAll();
        found.forEach(text -> {
            Paragraph problem = new Paragraph(text);
            problem.addClassName("form-problem");
            problems.add(problem);
        });
        boolean ready = draft != null
                && target.getValue() != null
                && found.isEmpty()
                && settings().isPresent();
        dryRun.setEnabled(ready);
        runImport.setEnabled(ready);
        saveMapping.setEnabled(draft != null && target.getValue() != null);
        refreshPreview();
    }

    private Optional<ImportRequest> request() {
        ImportTarget chosen = target.getValue();
        Optional<ImportSettings> settings = settings();
        if (draft == null || chosen == null || settings.isEmpty() || keyField.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImportRequest(chosen.id(), settings.get(), currentMapping(), keyField.getValue()));
    }

    /** The first rows with the mapped fields' values as read, and what is wrong with each. */
    private void refreshPreview() {
        preview.removeAllColumns();
        Optional<ImportRequest> request = request();
        if (request.isEmpty()) {
            preview.setItems(List.of());
            return;
        }
        ImportTarget chosen = target.getValue();
        List<PreviewRow> rows = ImportLabels.tryCall(
                        this, () -> centre.preview(draft.importId(), request.get(), PREVIEW_ROWS))
                .orElse(List.of());
        preview.addColumn(PreviewRow::line)
                .setKey("line")
                .setHeader(getTranslation("imports.preview.line"))
                .setWidth("4.5rem")
                .setFlexGrow(0)
                .setFrozen(true);
        ImportMapping mapping = request.get().mapping();
        for (int i = 0; i < mapping.fieldPerColumn().size(); i++) {
            String fieldId = mapping.fieldPerColumn().get(i);
            if (fieldId != null) {
                preview.addColumn(row -> ImportLabels.value(this, row.values().get(fieldId)))
                        .setKey("field-" + fieldId + "-" + i)
                        .setHeader(fieldLabel(chosen, fieldId))
                        .setWidth("7rem")
                        .setFlexGrow(1);
            }
        }
        preview.addColumn(row -> ImportLabels.problems(this, row.problems(), chosen.fields()))
                .setKey("problems")
                .setHeader(getTranslation("imports.preview.problems"))
                .setWidth("12rem")
                .setFlexGrow(2);
        preview.setItems(rows);
        for (int i = 0; i < samples.size(); i++) {
            int column = i;
            samples.get(i)
                    .setText(
                            rows.isEmpty() || rows.getFirst().cells().size() <= column
                                    ? ""
                                    : rows.getFirst().cells().get(column));
        }
    }

    private void saveCurrentMapping() {
        ImportTarget chosen = target.getValue();
        String name = mappingName.getValue().strip();
        if (draft == null || chosen == null) {
            return;
        }
        if (name.isEmpty()) {
            mappingName.setInvalid(true);
            mappingName.setErrorMessage(getTranslation("imports.mapping.name-needed"));
            return;
        }
        mappingName.setInvalid(false);
        Optional<SavedMapping> stored = ImportLabels.tryCall(
                this, () -> centre.saveMapping(chosen.id(), name, draft.headers(), currentMapping()));
        if (stored.isEmpty()) {
            return;
        }
        SavedMapping saved = stored.get();
        filling = true;
        try {
            savedMapping.setItems(centre.savedMappings(chosen.id()));
            savedMapping.setValue(saved);
        } finally {
            filling = false;
        }
        Notices.success(getTranslation("imports.mapping.saved-as", saved.name()));
    }

    private void openDetail() {
        UUID id = draft.importId();
        getUI().ifPresent(ui -> ui.navigate(ImportDetailView.class, ImportDetailView.parameters(id)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.new.title");
    }
}

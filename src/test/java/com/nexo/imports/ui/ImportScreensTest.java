package com.nexo.imports.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportCounts;
import com.nexo.imports.jobs.ImportDraft;
import com.nexo.imports.jobs.ImportMapping;
import com.nexo.imports.jobs.ImportRequest;
import com.nexo.imports.jobs.ImportState;
import com.nexo.imports.jobs.ImportSummary;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import centre's screens on the real service, database and jobs, with files of articles: the
 * mapping proposed, changed, saved and laid over again, with the preview and what blocks a run; an
 * import's page following its job by push from the moment it starts, with its progress, counts and
 * refused rows; undo, with a record changed by a later import; the list; and who may open what. (The
 * dry run beside the run is {@link ImportJourneyTest}'s.)
 */
class ImportScreensTest extends KaribuTest {

    private static final String NOT_A_NUMBER =
            "No es un número en el formato elegido para este archivo (por ejemplo, 1.234,56 o 1,234.56).";

    @Autowired
    private ImportCentre centre;

    @Test
    void aNewImportProposesTheMappingAndRunsOnlyOnceTheRequiredFieldsHaveAColumn() throws IOException {
        login("admin@demo.nexo");
        String tag = tag();
        NewImportView view = new NewImportView(centre);
        UI.getCurrent().add(view);

        view.show(upload("Código;Denom;price;notas\n" + tag + "-1;Manzana;1,50;x\n" + tag + "-2;Pera;abc;y\n"));
        view.target.setValue(articles(view));

        // Headers named as fields are mapped, the rest skipped; the code is the key.
        assertThat(mapped(view)).containsExactly("code", null, "salePrice", null);
        assertThat(view.keyField.getValue()).isEqualTo("code");
        assertThat(view.blockers())
                .containsExactly("Campos obligatorios sin columna: Nombre. Asígnalos para poder importar.");
        assertThat(view.dryRun.isEnabled()).isFalse();
        assertThat(view.runImport.isEnabled()).isFalse();

        view.fieldPerColumn.get(1).setValue(field(view, "name"));

        assertThat(view.blockers()).isEmpty();
        assertThat(view.dryRun.isEnabled()).isTrue();
        assertThat(view.runImport.isEnabled()).isTrue();
        // The preview shows the values as read, and why a row would be refused, in the user's language.
        assertThat(GridKt._size(view.preview)).isEqualTo(2);
        assertThat(GridKt._getFormatted(view.preview, 0, "field-salePrice-2")).isEqualTo("1,5");
        assertThat(GridKt._getFormatted(view.preview, 0, "problems")).isEmpty();
        assertThat(GridKt._getFormatted(view.preview, 1, "problems")).isEqualTo("Precio de venta: " + NOT_A_NUMBER);

        // A field on two columns blocks the run, and says which.
        view.fieldPerColumn.get(3).setValue(field(view, "code"));
        assertThat(view.blockers()).containsExactly("Código está elegido para más de una columna.");
        assertThat(view.dryRun.isEnabled()).isFalse();
        view.fieldPerColumn.get(3).clear();

        // Saved under a name, the mapping is laid over the headers again when picked.
        view.mappingName.setValue("Tarifa " + tag);
        _click(view.saveMapping);
        expectNotifications("Asignación guardada como “Tarifa " + tag + "”.");
        view.fieldPerColumn.get(1).clear();
        view.savedMapping.clear();
        view.savedMapping.setValue(centre.savedMappings("articles").stream()
                .filter(saved -> saved.name().equals("Tarifa " + tag))
                .findFirst()
                .orElseThrow());
        assertThat(mapped(view)).containsExactly("code", "name", "salePrice", null);

        // Another separator reads the file again: with commas each line is one cell.
        view.separator.setValue(',');
        assertThat(view.fieldPerColumn).hasSize(1);
    }

    @Test
    void anImportsPageFollowsItsJobByPushFromTheStartAndShowsProgressCountsAndRefusals() throws IOException {
        login("admin@demo.nexo");
        String tag = tag();
        ImportDraft draft = upload(
                "código;nombre;precio\n" + tag + "-1;Manzana;1,50\n" + tag + "-2;Pera;abc\n" + tag + "-3;Ciruela;2\n");
        ImportDetailView view = new ImportDetailView(centre);
        assertThat(view.open(draft.importId())).isTrue();
        UI.getCurrent().add(view);
        assertThat(view.shownState()).isEqualTo(ImportState.DRAFT);
        assertThat(view.subtitle.getText()).as("a draft has no target yet").isEqualTo("Sin elegir aún qué contiene");

        // Started after the page was opened: all it learns now comes through its subscription.
        centre.start(draft.importId(), request(draft, "code", "name", "salePrice"));
        untilShown(() -> view.shownState() == ImportState.COMPLETED);

        assertThat(view.progressSection.isVisible()).isFalse();
        assertThat(view.badges.getElement().getTextRecursively()).isEqualTo("Completada");
        assertThat(GridKt._getFormatted(view.counts, 0, "run")).isEqualTo("2");
        assertThat(GridKt._getFormatted(view.counts, 3, "run")).isEqualTo("1");
        assertThat(view.refusalsSection.isVisible()).isTrue();
        assertThat(GridKt._getFormatted(view.refusals, 0, "line")).isEqualTo("3");
        assertThat(GridKt._getFormatted(view.refusals, 0, "reason")).isEqualTo(NOT_A_NUMBER);
        assertThat(view.undo.isVisible()).isTrue();
        assertThat(view.runImport.isVisible()).isFalse();

        // While a job runs, the page shows how far it is, its speed and the time left.
        ImportSummary done = centre.find(draft.importId()).orElseThrow();
        view.show(new ImportSummary(
                done.id(),
                done.targetId(),
                done.fileName(),
                done.fileSize(),
                ImportState.RUNNING,
                done.userName(),
                done.createdAt(),
                done.startedAt(),
                null,
                1000,
                500,
                Optional.empty(),
                new ImportCounts(300, 150, 40, 10),
                250,
                Optional.empty()));
        assertThat(view.progressSection.isVisible()).isTrue();
        assertThat(view.progress.getValue()).isEqualTo(0.5);
        assertThat(view.progressText.getText()).isEqualTo("Importando: 500 de 1.000 filas");
        assertThat(view.speed.getText()).isEqualTo("250 filas/s · quedan unos 0:00:02");
    }

    @Test
    void undoingAsksFirstSaysWhatWasChangedLaterAndLeavesItAlone() throws IOException {
        login("admin@demo.nexo");
        String tag = tag();
        ImportDraft first = upload("código;nombre\n" + tag + "-1;Manzana\n" + tag + "-2;Pera\n");
        centre.start(first.importId(), request(first, "code", "name"));
        awaitState(first.importId(), ImportState.COMPLETED);
        // A later import changes one of the records the first one created.
        ImportDraft later = upload("código;nombre\n" + tag + "-2;Pera conferencia\n");
        centre.start(later.importId(), request(later, "code", "name"));
        awaitState(later.importId(), ImportState.COMPLETED);

        ImportDetailView view = new ImportDetailView(centre);
        view.open(first.importId());
        UI.getCurrent().add(view);
        _click(view.undo);
        UndoImportDialog dialog = _get(UndoImportDialog.class);
        assertThat(dialog.summary.getText()).startsWith("Al deshacerla se borran 1 registros que creó");
        assertThat(dialog.changedLater.getElement().getTextRecursively()).startsWith("Línea 3: ");
        _click(dialog.confirm);
        expectNotifications("Se está deshaciendo la importación.");

        untilShown(() -> view.shownState() == ImportState.UNDONE);
        // The record changed later stays, so undoing the later import still finds it.
        assertThat(centre.previewUndo(later.importId()).restore()).isEqualTo(1);
    }

    @Test
    void theListShowsTheImportsAndOffersANewOneOnlyToWhoeverMayRunOne() throws IOException {
        login("admin@demo.nexo");
        String tag = tag();
        ImportDraft draft = upload("código;nombre\n" + tag + "-1;Manzana\n");
        centre.startDryRun(draft.importId(), request(draft, "code", "name"));
        awaitState(draft.importId(), ImportState.CHECKED);

        ImportCentreView list = new ImportCentreView(centre);
        int row = rowOf(list, draft.fileName());
        assertThat(GridKt._getFormatted(list.grid, row, "counts"))
                .isEqualTo("Prueba: 1 nuevos, 0 actualizados, 0 sin cambios, 0 rechazados");
        assertThat(list.newImport.isVisible()).isTrue();

        switchUser("consulta@demo.nexo");
        assertThat(new ImportCentreView(centre).newImport.isVisible()).isFalse();
    }

    @Test
    void aReadOnlyUserSeesTheImportsButMayNotStartOne() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate("");
        UI.getCurrent().getPage().reload();
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("imports");
        assertThatThrownBy(() -> UI.getCurrent().navigate("imports/new"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aUserWithoutImportPermissionsNeitherSeesNorOpensTheImportCentre() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate("");
        UI.getCurrent().getPage().reload();
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("imports");
        assertThatThrownBy(() -> UI.getCurrent().navigate("imports"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    /** Runs the UI's access queue until the page shows what the job reported (drawn on a thread of its own). */
    private static void untilShown(BooleanSupplier shown) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!shown.getAsBoolean()) {
            assertThat(Instant.now()).as("the page shows the report in time").isBefore(until);
            MockVaadin.runUIQueue();
            LockSupport.parkNanos(20_000_000);
        }
    }

    private void awaitState(UUID importId, ImportState state) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (centre.find(importId).orElseThrow().state() != state) {
            assertThat(Instant.now()).as("the import reaches %s in time", state).isBefore(until);
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static int rowOf(ImportCentreView list, String fileName) {
        for (int row = 0; row < GridKt._size(list.grid); row++) {
            if (GridKt._get(list.grid, row).fileName().equals(fileName)) {
                return row;
            }
        }
        throw new AssertionError("the list shows no import of " + fileName);
    }

    private ImportDraft upload(String csv) throws IOException {
        String name = "articulos-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".csv";
        return centre.upload(name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static ImportRequest request(ImportDraft draft, String... fields) {
        return new ImportRequest("articles", draft.settings(), new ImportMapping(Arrays.asList(fields)), "code");
    }

    /** A prefix of article codes no other test (or earlier run on a kept database) uses. */
    private static String tag() {
        return "SC"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 31), 36)
                        .toUpperCase(Locale.ROOT);
    }

    private static ImportTarget articles(NewImportView view) {
        return view.target
                .getListDataView()
                .getItems()
                .filter(target -> target.id().equals("articles"))
                .findFirst()
                .orElseThrow();
    }

    private static ImportField field(NewImportView view, String id) {
        return view.target.getValue().fields().stream()
                .filter(field -> field.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> mapped(NewImportView view) {
        return view.currentMapping().fieldPerColumn();
    }
}

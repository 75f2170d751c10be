package com.nexo.imports.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.nexo.imports.ImportField;
import com.nexo.imports.Refusal;
import com.nexo.imports.jobs.ImportCounts;
import com.nexo.imports.jobs.ImportDraft;
import com.nexo.imports.jobs.ImportState;
import com.nexo.imports.jobs.RefusedRow;
import com.nexo.imports.jobs.UndoPreview;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The import centre's screens over an import centre held in memory ({@link FakeImportCentre}): the
 * mapping proposed, changed, saved and laid over again, with the preview and what blocks a run; an
 * import's page following its job by push, its dry run beside its run, refused rows, and undo; the
 * list; and who may open what (on the real routes and roles).
 */
class ImportScreensTest extends KaribuTest {

    private final FakeImportCentre centre = new FakeImportCentre();

    @Test
    void aNewImportProposesTheMappingAndRunsOnlyOnceTheRequiredFieldsHaveAColumn() throws IOException {
        login("admin@demo.nexo");
        NewImportView view = new NewImportView(centre);
        UI.getCurrent().add(view);

        view.show(upload("Code;Nombre;price;notes\nA-1;Manzana;1,50;x\nA-2;Pera;abc;y\n"));

        // The only target is chosen; headers named as fields are mapped, the rest skipped.
        assertThat(view.target.getValue()).isSameAs(FakeImportCentre.FRUIT);
        assertThat(view.fileInfo.getText()).isEqualTo("articulos.csv (1 KB), 4 columnas");
        assertThat(mapped(view)).containsExactly("code", null, "price", null);
        assertThat(view.keyField.getValue()).isEqualTo("code");
        assertThat(view.blockers())
                .containsExactly("Campos obligatorios sin columna: Nombre. Asígnalos para poder importar.");
        assertThat(view.dryRun.isEnabled()).isFalse();
        assertThat(view.runImport.isEnabled()).isFalse();

        view.fieldPerColumn.get(1).setValue(field("name"));

        assertThat(view.blockers()).isEmpty();
        assertThat(view.dryRun.isEnabled()).isTrue();
        assertThat(view.runImport.isEnabled()).isTrue();
        // The preview shows the values as read, and why a row would be refused, in the user's language.
        assertThat(GridKt._size(view.preview)).isEqualTo(2);
        assertThat(GridKt._getFormatted(view.preview, 0, "field-price-2")).isEqualTo("1,5");
        assertThat(GridKt._getFormatted(view.preview, 0, "problems")).isEmpty();
        assertThat(GridKt._getFormatted(view.preview, 1, "problems")).isEqualTo("Precio de venta: Línea 3: abc");

        // A field on two columns blocks the run, and says which.
        view.fieldPerColumn.get(3).setValue(field("code"));
        assertThat(view.blockers()).containsExactly("Código está elegido para más de una columna.");
        assertThat(view.dryRun.isEnabled()).isFalse();
        view.fieldPerColumn.get(3).clear();

        // Saved under a name, the mapping is laid over the headers again when picked.
        view.mappingName.setValue("Tarifa");
        _click(view.saveMapping);
        expectNotifications("Asignación guardada como “Tarifa”.");
        view.fieldPerColumn.get(1).clear();
        view.savedMapping.clear();
        view.savedMapping.setValue(centre.saved.getFirst());
        assertThat(mapped(view)).containsExactly("code", "name", "price", null);

        // Another separator reads the file again.
        view.separator.setValue(',');
        assertThat(centre.calls).contains("reread ,");
    }

    @Test
    void anImportsPageFollowsItsJobByPushAndShowsTheRunsCountsAndRefusals() throws IOException {
        login("admin@demo.nexo");
        ImportDraft draft = upload("code;name\nA-1;Manzana\n");
        centre.publish(FakeImportCentre.summary(
                draft.importId(), "articulos.csv", ImportState.RUNNING, Optional.empty(), ImportCounts.NONE, 1000, 0));
        ImportDetailView view = new ImportDetailView(centre);
        assertThat(view.open(draft.importId())).isTrue();
        UI.getCurrent().add(view);
        assertThat(centre.listeners).hasSize(1);

        // The job reports; the page is drawn with the report through the UI's access queue.
        centre.publish(FakeImportCentre.summary(
                draft.importId(),
                "articulos.csv",
                ImportState.RUNNING,
                Optional.empty(),
                new ImportCounts(300, 150, 40, 10),
                1000,
                500));
        untilShown(() -> view.progress.getValue() > 0);
        assertThat(view.progressSection.isVisible()).isTrue();
        assertThat(view.progress.getValue()).isEqualTo(0.5);
        assertThat(view.progressText.getText()).isEqualTo("Importando: 500 de 1.000 filas");
        assertThat(view.speed.getText()).isEqualTo("250 filas/s · quedan unos 0:00:02");
        assertThat(GridKt._getFormatted(view.counts, 0, "run")).isEqualTo("300");

        centre.refused =
                List.of(new RefusedRow(7, "price", Refusal.of("price", "imports.undo.changed-later-line", 7, "abc")));
        centre.publish(FakeImportCentre.summary(
                draft.importId(),
                "articulos.csv",
                ImportState.COMPLETED,
                Optional.empty(),
                new ImportCounts(600, 300, 90, 10),
                1000,
                1000));
        untilShown(() -> view.shownState() == ImportState.COMPLETED);
        assertThat(view.progressSection.isVisible()).isFalse();
        assertThat(view.badges.getElement().getTextRecursively()).isEqualTo("Completada");
        assertThat(GridKt._getFormatted(view.counts, 4, "run")).isEqualTo("1.000");
        assertThat(view.refusalsSection.isVisible()).isTrue();
        assertThat(GridKt._getFormatted(view.refusals, 0, "reason")).isEqualTo("Línea 7: abc");
        assertThat(view.undo.isVisible()).isTrue();
        assertThat(view.runImport.isVisible()).isFalse();

        // Leaving the page ends the subscription.
        UI.getCurrent().remove(view);
        assertThat(centre.listeners).isEmpty();
    }

    @Test
    void aCheckedImportShowsTheDryRunsCountsAndRunsWithTheCheckedRequest() throws IOException {
        login("admin@demo.nexo");
        ImportDraft draft = upload("code;name\nA-1;Manzana\n");
        centre.startDryRun(
                draft.importId(),
                new com.nexo.imports.jobs.ImportRequest(
                        "fruit",
                        draft.settings(),
                        new com.nexo.imports.jobs.ImportMapping(List.of("code", "name")),
                        "code"));
        centre.publish(FakeImportCentre.summary(
                draft.importId(),
                "articulos.csv",
                ImportState.CHECKED,
                Optional.of(new ImportCounts(1, 0, 0, 0)),
                ImportCounts.NONE,
                1,
                1));
        ImportDetailView view = new ImportDetailView(centre);
        view.open(draft.importId());
        UI.getCurrent().add(view);

        assertThat(view.counts.getColumnByKey("dryRun").isVisible()).isTrue();
        assertThat(GridKt._getFormatted(view.counts, 0, "dryRun")).isEqualTo("1");
        assertThat(GridKt._getFormatted(view.counts, 0, "run")).isEqualTo("–");
        assertThat(view.undo.isVisible()).isFalse();

        _click(view.runImport);

        assertThat(centre.calls).contains("start " + draft.importId() + " by code");
        expectNotifications("La importación ha empezado.");
    }

    @Test
    void undoingAsksFirstAndSaysWhatWasChangedLater() throws IOException {
        login("admin@demo.nexo");
        ImportDraft draft = upload("code;name\nA-1;Manzana\n");
        centre.publish(FakeImportCentre.summary(
                draft.importId(),
                "articulos.csv",
                ImportState.COMPLETED,
                Optional.empty(),
                new ImportCounts(5, 2, 0, 0),
                7,
                7));
        centre.undoPreview = new UndoPreview(4, 1, 2, List.of(new UndoPreview.ChangedLater(3, "A-2 Pera")));
        ImportDetailView view = new ImportDetailView(centre);
        view.open(draft.importId());
        UI.getCurrent().add(view);

        _click(view.undo);
        UndoImportDialog dialog = _get(UndoImportDialog.class);
        assertThat(dialog.summary.getText())
                .isEqualTo("Al deshacerla se borran 4 registros que creó, se archivan 1 registros creados a los que"
                        + " ahora algo hace referencia, y 2 registros que actualizó recuperan sus valores anteriores.");
        assertThat(dialog.changedLater.getElement().getTextRecursively()).isEqualTo("Línea 3: A-2 Pera");
        dialog.includeChangedLater.setValue(true);
        _click(dialog.confirm);

        assertThat(centre.calls).contains("undo " + draft.importId() + " with changed later");
        expectNotifications("Se está deshaciendo la importación.");
    }

    @Test
    void theListShowsTheImportsAndOffersANewOneOnlyToWhoeverMayRunOne() throws IOException {
        ImportDraft draft = upload("code;name\nA-1;Manzana\n");
        centre.publish(FakeImportCentre.summary(
                draft.importId(),
                "articulos.csv",
                ImportState.CHECKED,
                Optional.of(new ImportCounts(1, 2, 3, 4)),
                ImportCounts.NONE,
                10,
                10));
        login("admin@demo.nexo");
        ImportCentreView list = new ImportCentreView(centre);
        assertThat(GridKt._size(list.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(list.grid, 0, "counts"))
                .isEqualTo("Prueba: 1 nuevos, 2 actualizados, 3 sin cambios, 4 rechazados");
        assertThat(GridKt._getFormatted(list.grid, 0, "duration")).isEqualTo("0:01:00");
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
        Instant until = Instant.now().plusSeconds(10);
        while (!shown.getAsBoolean()) {
            assertThat(Instant.now()).as("the page shows the report in time").isBefore(until);
            MockVaadin.runUIQueue();
            LockSupport.parkNanos(1_000_000);
        }
    }

    private ImportDraft upload(String csv) throws IOException {
        return centre.upload("articulos.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static ImportField field(String id) {
        return FakeImportCentre.FRUIT.fields().stream()
                .filter(field -> field.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> mapped(NewImportView view) {
        return view.currentMapping().fieldPerColumn();
    }
}

package com.nexo.imports.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportState;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import centre's screens on the real service, database and jobs: a file of articles mapped (the
 * proposal, then a column changed), dry-run and run from its page, which hears each job's end through
 * its subscription, not by being opened again. (Undo and the mapping's blockers are {@link
 * ImportScreensTest}'s.)
 */
class ImportJourneyTest extends KaribuTest {

    @Autowired
    private ImportCentre centre;

    @Test
    void aFileIsMappedCheckedAndRunFromTheScreens() throws IOException {
        login("admin@demo.nexo");
        String tag = "UI"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 31), 36)
                        .toUpperCase(Locale.ROOT);
        String csv = "Código;Nombre;Ciudad;Apuntes\n"
                + tag + "-1;Tornillo " + tag + ";Cáceres;primero\n"
                + tag + "-2;;Mérida;segundo\n";

        UI.getCurrent().navigate("imports/new");
        NewImportView page = _get(NewImportView.class);
        page.show(centre.upload("articulos.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        page.target.setValue(articles(page));

        // Proposed from the headers; a column no field is named after is left out until the user maps it.
        assertThat(page.currentMapping().fieldPerColumn()).containsExactly("code", "name", null, null);
        assertThat(page.keyField.getValue()).isEqualTo("code");
        page.fieldPerColumn.get(3).setValue(field(page, "description"));
        assertThat(page.currentMapping().fieldPerColumn()).containsExactly("code", "name", null, "description");
        assertThat(GridKt._getFormatted(page.preview, 1, "problems"))
                .isEqualTo("Nombre: Este campo es obligatorio y la fila lo deja vacío.");
        assertThat(page.dryRun.isEnabled()).isTrue();

        _click(page.dryRun);
        ImportDetailView detail = _get(ImportDetailView.class);
        awaitState(detail, ImportState.CHECKED);
        assertThat(GridKt._getFormatted(detail.counts, 0, "dryRun")).isEqualTo("1");
        assertThat(GridKt._getFormatted(detail.counts, 3, "dryRun")).isEqualTo("1");
        assertThat(GridKt._getFormatted(detail.counts, 0, "run")).isEqualTo("–");
        assertThat(detail.refusalsSection.isVisible()).isTrue();
        assertThat(GridKt._getFormatted(detail.refusals, 0, "line")).isEqualTo("3");
        assertThat(GridKt._getFormatted(detail.refusals, 0, "reason"))
                .isEqualTo("Este campo es obligatorio y la fila lo deja vacío.");
        assertThat(detail.runImport.isVisible()).isTrue();

        _click(detail.runImport);
        awaitState(detail, ImportState.COMPLETED);
        assertThat(GridKt._getFormatted(detail.counts, 0, "run")).isEqualTo("1");
        assertThat(detail.undo.isVisible()).isTrue();
    }

    /** Lets the job's reports reach the page (Karibu runs the UI's access queue) until it shows {@code state}. */
    private static void awaitState(ImportDetailView detail, ImportState state) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (detail.shownState() != state) {
            assertThat(Instant.now()).as("the page shows %s in time", state).isBefore(until);
            MockVaadin.runUIQueue();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ImportTarget articles(NewImportView page) {
        return page.target
                .getListDataView()
                .getItems()
                .filter(target -> target.id().equals("articles"))
                .findFirst()
                .orElseThrow();
    }

    private static ImportField field(NewImportView page, String id) {
        return page.target.getValue().fields().stream()
                .filter(field -> field.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}

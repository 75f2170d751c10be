package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator brings customers in from a Spanish spreadsheet, in a real browser in Spanish: the
 * centre from the menu, a new import, the file chosen through the page's upload (semicolons,
 * Windows-1252, accents, one row without a legal name), the accounts target, the proposed mapping, a
 * dry run and its counts, the import itself to the end with the refused line listed, and one of the
 * new accounts found again with the accounts list's search. Screenshots of the new import (mapping and
 * preview) and of the import's page, on a desktop and on a tablet, end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class ImportBrowserJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /** Rows of the file, the refused one included. */
    private static final int ROWS = 30;

    /** The file's line (the header is line 1) of the row without a legal name. */
    private static final int REFUSED_LINE = 17;

    /** A visible button by its text; the last one, so an open dialog's wins over the page's. */
    private static final String BUTTON_BY_TEXT = """
            const buttons = [...document.querySelectorAll('vaadin-button')]
                .filter(button => button.textContent.trim() === arguments[0] && button.checkVisibility());
            return buttons.length ? buttons[buttons.length - 1] : null;
            """;

    /** The upload's file input, in its light DOM or its shadow root (hidden: chromedriver types into it). */
    private static final String FILE_INPUT = """
            const upload = document.querySelector('vaadin-upload');
            if (!upload) return null;
            return upload.querySelector('input[type=file]')
                || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'))
                || document.querySelector('input[type=file]');
            """;

    /** The field each column of the file goes to, as its chooser shows it ("" for a skipped column). */
    private static final String MAPPING = """
            return [...document.querySelectorAll('.import-mapping vaadin-combo-box')]
                .map(box => box.querySelector('input').value);
            """;

    @LocalServerPort
    private int port;

    @TempDir
    static Path files;

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(Locale.forLanguageTag("es-ES"));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_administrator_imports_customers_from_a_spanish_spreadsheet_and_finds_one_of_them() throws IOException {
        String tag = "IMB"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36)
                        .toUpperCase(Locale.ROOT);
        Path file = files.resolve("clientes-" + tag.toLowerCase(Locale.ROOT) + ".csv");
        Files.write(file, accountsFile(tag));

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("admin@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        // The centre from the menu, then a new import.
        WebElement menu = browser.waitFor("the menu's import centre", () -> (WebElement) browser.script("""
                        return [...document.querySelectorAll('vaadin-side-nav-item')]
                            .find(item => item.textContent.trim() === 'Importaciones' && item.checkVisibility()) || null;
                        """));
        // The menu is long: the item may be below the fold of its own scrolling area.
        browser.script("arguments[0].scrollIntoView({block: 'center'});", menu);
        menu.click();
        browser.waitUntil("the import centre", () -> browser.currentPath().equals("/imports"));
        button("Nueva importación").click();
        browser.waitUntil("the new import's page", () -> browser.currentPath().equals("/imports/new"));
        browser.waitForText("1. El fichero");

        // The file, through the upload's own input.
        WebElement input = browser.waitFor("the upload's file input", () -> (WebElement) browser.script(FILE_INPUT));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitForText("2. Qué contiene");
        browser.waitForText(file.getFileName().toString() + " (");

        // Accounts, if the administrator may import into more than that.
        WebElement accounts = browser.waitFor("the accounts target", () -> (WebElement) browser.script("""
                        return [...document.querySelectorAll('vaadin-radio-button')]
                            .find(radio => radio.textContent.trim().startsWith('Cuentas')) || null;
                        """));
        if (!Boolean.TRUE.equals(browser.script("return arguments[0].checked;", accounts))) {
            accounts.click();
            browser.waitForVaadin();
        }

        // The proposed mapping: every column but the forged tenant one goes to its field.
        browser.waitUntil("the mapping proposed from the headers", () -> {
            @SuppressWarnings("unchecked")
            java.util.List<String> mapped = (java.util.List<String>) browser.script(MAPPING);
            return mapped.size() == 6 && mapped.stream().limit(5).noneMatch(String::isEmpty);
        });
        @SuppressWarnings("unchecked")
        java.util.List<String> mapped = (java.util.List<String>) browser.script(MAPPING);
        assertThat(mapped.get(0)).startsWith("Código");
        assertThat(mapped.get(1)).startsWith("Razón social");
        assertThat(mapped.get(2)).startsWith("NIF");
        assertThat(mapped.get(3)).startsWith("Correo electrónico");
        assertThat(mapped.get(5)).as("the forged tenant column is skipped").isEmpty();
        assertThat(browser.find(".import-problems").getText())
                .as("nothing blocks the import")
                .isBlank();
        // The preview reads the accents right (Windows-1252) and flags the row without a name.
        browser.waitUntil(
                "the preview's first row",
                () -> browser.find("vaadin-grid.import-preview")
                        .getText()
                        .contains("Peña y Compañía " + tag + " 1 S.L."));
        assertThat(browser.find("vaadin-grid.import-preview").getText())
                .contains("Cáceres")
                .contains("Este campo es obligatorio");
        screenshotsOfMappingAndPreview("1280x800");
        String wideProblems = browser.sidewaysScrolling();
        browser.tablet();
        screenshotsOfMappingAndPreview("768x1024");
        String narrowProblems = browser.sidewaysScrolling();
        browser.desktop();
        assertThat(wideProblems)
                .as("sideways scrolling on the new import at 1280 px")
                .isNull();
        // Upright on a tablet a preview of five mapped columns may scroll inside its grid (the line
        // stays frozen), as any file wider than the screen must; the page itself does not.
        assertThat(narrowProblems == null ? "" : narrowProblems)
                .as("sideways scrolling on the new import at 768 px")
                .doesNotContain("the page");

        // A dry run: its counts on the import's page, nothing imported yet.
        button("Probar").click();
        browser.waitUntil("the import's page", () -> browser.currentPath().matches("/imports/[0-9a-f-]{36}"));
        String detail = browser.currentPath();
        browser.waitForText("Comprobada");
        browser.waitUntil(
                "the dry run's counts",
                () -> browser.find("vaadin-grid.import-counts").getText().contains(Integer.toString(ROWS - 1)));

        // The import itself, to the end, with the refused line listed.
        button("Importar").click();
        browser.waitForText("Completada");
        browser.waitUntil(
                "the refused line",
                () -> browser.find("vaadin-grid.import-refusals").getText().contains(Integer.toString(REFUSED_LINE)));
        assertThat(browser.find("vaadin-grid.import-refusals").getText()).contains("Razón social");
        String counts = browser.find("vaadin-grid.import-counts").getText();
        assertThat(counts).contains("Creadas", "Rechazadas", Integer.toString(ROWS - 1));

        // The import's page as it opens on a desktop and on a tablet.
        browser.open(url(detail));
        browser.waitForText("Completada");
        browser.waitUntil(
                "the refusals",
                () -> browser.find("vaadin-grid.import-refusals").getText().contains("Razón social"));
        browser.screenshot("import-detail-1280x800");
        wideProblems = browser.sidewaysScrolling();
        browser.tablet();
        browser.open(url(detail));
        browser.waitForText("Completada");
        browser.waitUntil(
                "the refusals",
                () -> browser.find("vaadin-grid.import-refusals").getText().contains("Razón social"));
        browser.screenshot("import-detail-768x1024");
        narrowProblems = browser.sidewaysScrolling();
        browser.desktop();
        assertThat(wideProblems)
                .as("sideways scrolling on the import's page at 1280 px")
                .isNull();
        assertThat(narrowProblems)
                .as("sideways scrolling on the import's page at 768 px")
                .isNull();

        // One of the new accounts, found with the accounts list's search.
        String name = "Peña y Compañía " + tag + " 7 S.L.";
        browser.open(url("/accounts"));
        browser.waitForText("Nueva cuenta");
        browser.find("vaadin-text-field.list-search input").sendKeys("pena y compania " + tag + " 7");
        browser.waitUntil(
                "the imported account among the search results",
                () -> browser.find("vaadin-grid.list-grid").getText().contains(name));
        assertThat(browser.find("vaadin-grid.list-grid").getText()).contains("Cáceres");
        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    /**
     * A Spanish spreadsheet's export of {@link #ROWS} customers: semicolons, Windows-1252, accents, a
     * forged tenant column, and one row (line {@link #REFUSED_LINE}) without its legal name.
     */
    private static byte[] accountsFile(String tag) {
        StringBuilder csv = new StringBuilder("Código;Razón social;NIF;Correo electrónico;Población;tenant_id\r\n");
        for (int i = 1; i <= ROWS; i++) {
            String code = tag + "-" + i;
            String name = i == REFUSED_LINE - 1 ? "" : "Peña y Compañía " + tag + " " + i + " S.L.";
            csv.append(code)
                    .append(';')
                    .append(name)
                    .append(";;contacto")
                    .append(i)
                    .append('@')
                    .append(tag.toLowerCase(Locale.ROOT))
                    .append(".example;Cáceres;00000000-0000-0000-0000-000000000000\r\n");
        }
        return csv.toString().getBytes(Charset.forName("windows-1252"));
    }

    /** The mapping, then the preview, scrolled to the top of the screen. */
    private static void screenshotsOfMappingAndPreview(String size) {
        browser.script("document.querySelector('.import-mapping').closest('section').scrollIntoView();");
        browser.screenshot("import-new-mapping-" + size);
        browser.script("document.querySelector('vaadin-grid.import-preview').closest('section').scrollIntoView();");
        browser.screenshot("import-new-preview-" + size);
    }

    private WebElement button(String text) {
        WebElement button =
                browser.waitFor("a button \"" + text + "\"", () -> (WebElement) browser.script(BUTTON_BY_TEXT, text));
        // The page is long: bring the button on screen before clicking it.
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        return button;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

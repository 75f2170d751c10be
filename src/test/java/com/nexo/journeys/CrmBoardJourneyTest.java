package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A salesperson's board in a real browser in Spanish: drag a card from one column to another (the
 * browser's own HTML5 drag and drop events, as a mouse sends them) and see both columns' counts and
 * expected revenue change; the board scrolls sideways inside itself on a tablet, never the page.
 * Screenshots of the board, the list and an opportunity's page at 1280 and 768 px end up in
 * {@code target/screenshots/}.
 */
@NexoSpringTest
class CrmBoardJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /**
     * The drag and drop events a mouse drag makes, with one DataTransfer, from the card titled
     * arguments[0] to the column of stage arguments[1]: drag start on the card, then (after the
     * server heard of it) enter, over and drop on the column, and drag end on the card.
     */
    private static final String DRAG_START = """
            const card = [...document.querySelectorAll('.crm-card')].find(c => c.dataset.title === arguments[0]);
            window.__nexoDrag = new DataTransfer();
            card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: window.__nexoDrag}));
            return card !== undefined;
            """;

    private static final String DROP = """
            const card = [...document.querySelectorAll('.crm-card')].find(c => c.dataset.title === arguments[0]);
            const column = document.querySelector('.crm-column[data-stage="' + arguments[1] + '"]');
            const dt = window.__nexoDrag;
            const box = column.getBoundingClientRect();
            const at = {bubbles: true, cancelable: true, dataTransfer: dt,
                        clientX: box.left + box.width / 2, clientY: box.top + 40};
            column.dispatchEvent(new DragEvent('dragenter', at));
            column.dispatchEvent(new DragEvent('dragover', at));
            column.dispatchEvent(new DragEvent('drop', at));
            card.dispatchEvent(new DragEvent('dragend', {bubbles: true, cancelable: true, dataTransfer: dt}));
            return true;
            """;

    private static final String COLUMN_TEXT = """
            const column = document.querySelector('.crm-column[data-stage="' + arguments[0] + '"]');
            return column ? column.querySelector(arguments[1]).textContent.trim() : null;
            """;

    private static final String CARDS_IN = """
            const column = document.querySelector('.crm-column[data-stage="' + arguments[0] + '"]');
            return column ? [...column.querySelectorAll('.crm-card')].map(c => c.dataset.title).sort().join('|') : null;
            """;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

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
    void dragging_a_card_to_another_column_moves_it_and_changes_both_columns_totals() {
        CrmFixtures fixtures = new CrmFixtures(context);
        Pipeline pipeline = fixtures.pipeline();
        UUID account = fixtures.account(CrmFixtures.unique("Instalaciones Vega"));
        fixtures.opportunity(pipeline, 0, account, null, "Climatización nave", "4000");
        UUID other = fixtures.opportunity(pipeline, 0, account, null, "Caldera oficina", "1000");
        fixtures.opportunity(pipeline, 2, account, null, "Placas solares", "8000");

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("admin@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();
        browser.open(url("/crm/board?pipeline=" + pipeline.id()));
        browser.waitUntil(
                "the board's cards",
                () -> "Caldera oficina|Climatización nave".equals(browser.script(CARDS_IN, "Qualification")));
        assertThat(columnText("Qualification", ".crm-column-count")).isEqualTo("2");
        assertThat(columnText("Negotiation", ".crm-column-count")).isEqualTo("1");
        assertThat(columnText("Negotiation", ".crm-column-expected")).contains("4.800");
        browser.screenshot("crm-board-1280");

        assertThat(browser.script(DRAG_START, "Climatización nave")).isEqualTo(true);
        browser.waitForVaadin();
        browser.script(DROP, "Climatización nave", "Negotiation");
        browser.waitForVaadin();

        browser.waitUntil(
                "the card in its new column",
                () -> "Climatización nave|Placas solares".equals(browser.script(CARDS_IN, "Negotiation")));
        browser.waitUntil(
                "the totals of both columns",
                () -> "1".equals(columnText("Qualification", ".crm-column-count"))
                        && "2".equals(columnText("Negotiation", ".crm-column-count")));
        assertThat(columnText("Qualification", ".crm-column-expected")).contains("100");
        assertThat(columnText("Negotiation", ".crm-column-expected")).contains("7.200");
        assertThat(browser.sidewaysScrolling()).isNull();
        browser.screenshot("crm-board-1280-after-drop");

        browser.tablet();
        browser.open(url("/crm/board?pipeline=" + pipeline.id()));
        browser.waitUntil("the board on a tablet", () -> "2".equals(columnText("Negotiation", ".crm-column-count")));
        assertThat(browser.sidewaysScrolling()).isNull();
        browser.screenshot("crm-board-768");

        browser.desktop();
        browser.open(url("/crm/opportunities/" + other));
        browser.waitForText("Caldera oficina");
        assertThat(browser.sidewaysScrolling()).isNull();
        browser.screenshot("crm-opportunity-1280");
        browser.tablet();
        browser.settle();
        assertThat(browser.sidewaysScrolling()).isNull();
        browser.screenshot("crm-opportunity-768");
        browser.open(url("/crm/opportunities"));
        browser.waitForVaadin();
        assertThat(browser.sidewaysScrolling()).isNull();
        browser.screenshot("crm-opportunities-768");
        browser.open(url("/crm/settings"));
        browser.waitForText("Embudos y etapas");
        assertThat(browser.sidewaysScrolling()).isNull();
        browser.screenshot("crm-settings-768");
        browser.desktop();
        browser.settle();
        browser.screenshot("crm-settings-1280");
    }

    private String columnText(String stage, String part) {
        Object text = browser.script(COLUMN_TEXT, stage, part);
        return text == null ? null : text.toString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

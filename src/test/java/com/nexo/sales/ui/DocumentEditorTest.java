package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.base.ui.documents.DocumentLinesEditor;
import com.nexo.demo.DemoTenant;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The draft editor: lines typed from the keyboard, totals that follow, saving, refusals and access. */
class DocumentEditorTest extends KaribuTest {

    @Autowired
    private ArticleService articles;

    @Autowired
    private UnitService units;

    @Autowired
    private StockService stock;

    @Autowired
    private ArticleDirectory directory;

    @Autowired
    private SalesDocumentService documents;

    private String valve;
    private String tap;

    /** Two articles: a valve at 14.50 and a tap at 10.00, both at 21 % VAT. */
    @BeforeEach
    void twoArticles() {
        login("admin@demo.nexo");
        UUID warehouse = directory.activeWarehouses().getFirst().id();
        valve = DocumentViewFixtures.code("ED-");
        tap = DocumentViewFixtures.code("ET-");
        DocumentViewFixtures.article(articles, units, stock, valve, "14.50", "0", warehouse);
        DocumentViewFixtures.article(articles, units, stock, tap, "10.00", "0", warehouse);
        switchUser(DocumentViewFixtures.SALES);
    }

    /** Enter in the look-up field, as the browser sends it: the key with the text typed so far. */
    private static void pressEnter(com.vaadin.flow.component.textfield.TextField field) {
        tools.jackson.databind.node.ObjectNode data =
                tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        data.put("event.key === 'Enter'", true);
        data.put("element.value", field.getValue());
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(
                field.getElement(), new com.vaadin.flow.dom.DomEvent(field.getElement(), "keydown", data));
    }

    @Test
    void lines_are_added_by_code_from_the_keyboard_the_totals_follow_and_saving_opens_the_page() {
        UI.getCurrent()
                .navigate(
                        "sales/document/new/quote", QueryParameters.of("account", DemoTenant.CLIENT_PARTY.toString()));
        DocumentEditor editor = _get(DocumentEditor.class);
        assertThat(editor.client.getValue().name()).isEqualTo("Hostelería Sol, S.L.");
        assertThat(editor.contact.getValue().label()).isEqualTo("Carmen Cliente");

        editor.lookUp.setValue("3*" + valve.toLowerCase(Locale.ROOT));
        pressEnter(editor.lookUp);
        editor.lookUp.setValue(tap);
        pressEnter(editor.lookUp);

        assertThat(editor.lines.rows()).hasSize(2);
        DocumentLinesEditor<LineForm>.Row first = editor.lines.rows().getFirst();
        assertThat(first.line.getArticleCode()).isEqualTo(valve);
        assertThat(first.quantity.getValue()).isEqualByComparingTo("3");
        assertThat(editor.lookUp.getValue()).isEmpty();
        // 3 × 14.50 + 10.00 = 53.50, VAT 21 % 11.24: 64.74
        assertThat(editor.totalShown()).isEqualTo("64,74\u00a0€");

        first.quantity.setValue(new BigDecimal("2"));
        first.discount.setValue(new BigDecimal("10"));
        // 2 × 14.50 × 0.9 = 26.10 + 10.00 = 36.10, VAT 7.58: 43.68
        assertThat(editor.totalShown()).isEqualTo("43,68\u00a0€");

        editor.lines.rows().get(1).remove.click();
        assertThat(editor.lines.rows()).hasSize(1);
        assertThat(editor.totalShown()).isEqualTo("31,58\u00a0€");

        _click(editor.freeText);
        DocumentLinesEditor<LineForm>.Row free = editor.lines.rows().get(1);
        free.description.setValue("Montaje en obra");
        free.price.setValue(new BigDecimal("40"));
        assertThat(editor.totalShown()).isEqualTo("79,98\u00a0€");

        _click(editor.save);

        DocumentView page = _get(DocumentView.class);
        SalesDocument saved = page.page().document();
        assertThat(saved.kind()).isEqualTo(DocumentKind.QUOTE);
        assertThat(saved.status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(saved.lines()).hasSize(2);
        assertThat(saved.totalAmount()).isEqualByComparingTo("79.98");
        assertThat(saved.lines())
                .extracting(line -> line.description())
                .containsExactly("Válvula " + valve, "Montaje en obra");
        assertThat(GridKt._size(page.lines)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(page.lines, 1)).contains("Montaje en obra");
    }

    @Test
    void a_draft_someone_else_saved_meanwhile_is_not_overwritten_and_the_editor_says_why() {
        DocumentForm form = documents.newForm(DocumentKind.ORDER, DemoTenant.CLIENT_PARTY);
        form.getLines()
                .add(documents.lineFor(directory.lookUp(valve, 1).getFirst().id(), BigDecimal.ONE, Locale.of("es")));
        UUID id = documents.save(form);

        UI.getCurrent().navigate("sales/document/" + id + "/edit");
        DocumentEditor editor = _get(DocumentEditor.class);
        assertThat(editor.lines.rows()).hasSize(1);

        DocumentForm theirs = documents.getForm(id);
        theirs.setClientReference("Su pedido 77");
        documents.save(theirs);

        editor.clientReference.setValue("Mi cambio");
        _click(editor.save);

        _get(DocumentEditor.class);
        assertThat(editor.problem.isVisible()).isTrue();
        assertThat(editor.problem.getText()).contains("Otra persona").doesNotContain("sales.rule");
        assertThat(documents.document(id).clientReference()).isEqualTo("Su pedido 77");
    }

    @Test
    void a_numbered_document_opens_on_its_page_instead_of_the_editor() {
        DocumentForm form = documents.newForm(DocumentKind.QUOTE, DemoTenant.CLIENT_PARTY);
        form.getLines()
                .add(documents.lineFor(directory.lookUp(tap, 1).getFirst().id(), BigDecimal.ONE, Locale.of("es")));
        UUID id = documents.save(form);
        context.getBean(com.nexo.sales.documents.SalesFlowService.class).send(id);

        UI.getCurrent().navigate("sales/document/" + id + "/edit");

        _assertNone(DocumentEditor.class);
        assertThat(_get(DocumentView.class).page().document().status()).isEqualTo(DocumentStatus.SENT);
    }

    @Test
    void a_user_who_may_only_read_sales_cannot_open_the_editor() {
        switchUser(DocumentViewFixtures.READ_ONLY);

        assertThatThrownBy(() -> UI.getCurrent().navigate("sales/document/new/quote"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}

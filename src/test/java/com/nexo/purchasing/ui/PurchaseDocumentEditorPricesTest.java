package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.ui.documents.DocumentLinesEditor;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.prices.SupplierArticleForm;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The draft editor proposes the chosen supplier's price for an article line, follows the quantity
 * across the supplier's breaks, keeps a price typed by hand, and re-prices the untyped lines when the
 * supplier changes. The fixtures' articles cost 7.25.
 */
class PurchaseDocumentEditorPricesTest extends KaribuTest {

    @Autowired
    private SupplierPriceService prices;

    @Autowired
    private ArticleDirectory articles;

    private PurchaseScreenFixtures fixtures;
    private AccountName tiered;
    private AccountName plain;
    private ArticleSummary bolts;

    @BeforeEach
    void aSupplierWithBreaksAndOneWithout() {
        fixtures = new PurchaseScreenFixtures(context);
        String tag = UUID.randomUUID().toString();
        tiered = new AccountName(fixtures.supplier("Proveedora Tramos " + tag), "Proveedora Tramos " + tag);
        plain = new AccountName(fixtures.supplier("Proveedora Lisa " + tag), "Proveedora Lisa " + tag);
        UUID article = fixtures.goods();
        SupplierArticleForm form = SupplierArticleForm.newEntry(tiered.id(), article);
        form.setSupplierCode("TR-77");
        form.setBreaks(List.of(
                new SupplierArticleForm.Break(BigDecimal.ONE, new BigDecimal("10")),
                new SupplierArticleForm.Break(new BigDecimal("50"), new BigDecimal("9")),
                new SupplierArticleForm.Break(new BigDecimal("100"), new BigDecimal("8"))));
        fixtures.as(PurchaseScreenFixtures.ADMIN, () -> prices.create(form));
        bolts = fixtures.as(PurchaseScreenFixtures.ADMIN, () -> articles.summaries(List.of(article)))
                .get(article);
    }

    /**
     * A value the user gives: set, then announced as coming from the browser (Karibu 2.6.2's
     * {@code _setValue} no longer finds Vaadin 25's internal method it calls).
     */
    private static <C extends AbstractField<C, V>, V> void byUser(C field, V value) {
        V old = field.getValue();
        field.setValue(value);
        ComponentUtil.fireEvent(field, new AbstractField.ComponentValueChangeEvent<>(field, field, old, true));
    }

    private static void type(com.vaadin.flow.component.textfield.BigDecimalField field, String value) {
        byUser(field, new BigDecimal(value));
    }

    @Test
    void a_line_takes_the_suppliers_price_follows_its_breaks_and_keeps_a_typed_price() {
        login(fixtures.buyer);
        UI.getCurrent().navigate("purchasing/orders/new");
        PurchaseDocumentEditor editor = _get(PurchaseDocumentEditor.class);
        byUser(editor.supplier, tiered);

        editor.addArticle(bolts);
        DocumentLinesEditor<PurchaseLineForm>.Row line = editor.lines.rows().getFirst();
        assertThat(line.price.getValue()).isEqualByComparingTo("10");
        assertThat(line.line.getSupplierCode()).isEqualTo("TR-77");

        type(line.quantity, "60");
        assertThat(line.price.getValue()).as("across the break of 50").isEqualByComparingTo("9");
        // 60 × 9 = 540.00 + 21 % VAT: the totals follow the proposed price
        assertThat(editor.totalShown()).isEqualTo("653,40\u00a0€");
        type(line.quantity, "49");
        assertThat(line.price.getValue()).as("back below it").isEqualByComparingTo("10");
        type(line.quantity, "150");
        assertThat(line.price.getValue()).isEqualByComparingTo("8");

        type(line.price, "7.50");
        type(line.quantity, "20");
        assertThat(line.price.getValue()).as("typed by hand: kept").isEqualByComparingTo("7.50");

        editor.addArticle(bolts);
        DocumentLinesEditor<PurchaseLineForm>.Row second = editor.lines.rows().get(1);
        assertThat(second.price.getValue()).isEqualByComparingTo("10");

        byUser(editor.supplier, plain);
        assertThat(second.price.getValue())
                .as("another supplier without a price: the article's cost")
                .isEqualByComparingTo("7.25");
        assertThat(second.line.getSupplierCode()).isNull();
        assertThat(line.price.getValue()).as("typed by hand: kept").isEqualByComparingTo("7.50");
        assertThat(line.line.getSupplierCode())
                .as("the old supplier's code goes")
                .isNull();

        byUser(editor.supplier, tiered);
        assertThat(second.price.getValue()).isEqualByComparingTo("10");
        assertThat(second.line.getSupplierCode()).isEqualTo("TR-77");

        _click(editor.save);

        PurchaseDocument saved = _get(PurchaseDocumentView.class).document();
        assertThat(saved.supplierId()).isEqualTo(tiered.id());
        assertThat(saved.lines())
                .extracting(PurchaseLine::unitPrice)
                .satisfiesExactly(
                        first -> assertThat(first).isEqualByComparingTo("7.50"),
                        next -> assertThat(next).isEqualByComparingTo("10"));
        assertThat(saved.lines()).extracting(PurchaseLine::supplierCode).containsExactly("TR-77", "TR-77");
    }

    @Test
    void an_opened_draft_keeps_its_prices_when_a_quantity_changes() {
        login(fixtures.buyer);
        UI.getCurrent().navigate("purchasing/orders/new");
        PurchaseDocumentEditor editor = _get(PurchaseDocumentEditor.class);
        byUser(editor.supplier, tiered);
        editor.addArticle(bolts);
        _click(editor.save);
        UUID id = _get(PurchaseDocumentView.class).document().id();

        UI.getCurrent().navigate("purchasing/orders/" + id + "/edit");
        PurchaseDocumentEditor reopened = _get(PurchaseDocumentEditor.class);
        DocumentLinesEditor<PurchaseLineForm>.Row line = reopened.lines.rows().getFirst();
        assertThat(line.price.getValue()).isEqualByComparingTo("10");
        type(line.quantity, "60");
        assertThat(line.price.getValue())
                .as("a stored price may have been agreed: it stays")
                .isEqualByComparingTo("10");
    }
}

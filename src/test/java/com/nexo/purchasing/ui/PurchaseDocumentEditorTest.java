package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.ui.documents.DocumentLinesEditor;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The draft editor of purchase orders on the shared line grid: only suppliers are offered, lines are
 * added from articles and typed, the totals follow, and saving opens the order's page; a client (not
 * a supplier) is refused on its field; a user without purchasing.create cannot open it.
 */
class PurchaseDocumentEditorTest extends KaribuTest {

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private ArticleDirectory articles;

    private PurchaseScreenFixtures fixtures;
    private String supplierName;
    private UUID supplier;
    private UUID bolts;

    @BeforeEach
    void aSupplierAndAnArticle() {
        fixtures = new PurchaseScreenFixtures(context);
        supplierName = "Proveedora Editor " + UUID.randomUUID();
        supplier = fixtures.supplier(supplierName);
        bolts = fixtures.goods();
    }

    @Test
    void a_draft_order_is_written_on_the_line_grid_and_saving_opens_its_page() {
        login(fixtures.buyer);
        UI.getCurrent().navigate("purchasing/orders/new");
        PurchaseDocumentEditor editor = _get(PurchaseDocumentEditor.class);
        assertThat(editor.supplier.isVisible()).isTrue();
        assertThat(editor.suppliers.isVisible()).isFalse();
        assertThat(orders.suppliersMatching(supplierName, 10))
                .extracting(AccountName::id)
                .containsExactly(supplier);
        assertThat(orders.suppliersMatching("Hostelería Sol", 10))
                .as("a client is not offered as a supplier")
                .isEmpty();

        editor.supplier.setValue(new AccountName(supplier, supplierName));
        String code = articles.summaries(java.util.List.of(bolts)).get(bolts).code();
        ArticleSummary article = orders.articlesMatching(code, 5).getFirst();
        assertThat(article.id()).isEqualTo(bolts);
        editor.addArticle(article);
        DocumentLinesEditor<PurchaseLineForm>.Row line = editor.lines.rows().getFirst();
        line.quantity.setValue(new BigDecimal("4"));
        line.price.setValue(new BigDecimal("2.50"));
        // 4 × 2.50 = 10.00, VAT 21 %: 12.10
        assertThat(editor.totalShown()).isEqualTo("12,10\u00a0€");

        _click(editor.freeText);
        DocumentLinesEditor<PurchaseLineForm>.Row free = editor.lines.rows().get(1);
        free.description.setValue("Portes");
        free.price.setValue(new BigDecimal("5"));
        assertThat(editor.totalShown()).isEqualTo("18,15\u00a0€");

        _click(editor.save);

        PurchaseDocumentView page = _get(PurchaseDocumentView.class);
        PurchaseDocument saved = page.document();
        assertThat(saved.kind()).isEqualTo(PurchaseKind.ORDER);
        assertThat(saved.status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(saved.supplierId()).isEqualTo(supplier);
        assertThat(saved.lines()).hasSize(2);
        assertThat(saved.totalAmount()).isEqualByComparingTo("18.15");
    }

    @Test
    void a_draft_without_supplier_is_refused_on_the_supplier_field() {
        login(fixtures.buyer);
        UI.getCurrent().navigate("purchasing/orders/new");
        PurchaseDocumentEditor editor = _get(PurchaseDocumentEditor.class);
        _click(editor.freeText);
        editor.lines.rows().getFirst().description.setValue("Portes");
        _click(editor.save);
        assertThat(editor.supplier.isInvalid()).isTrue();
        assertThat(editor.supplier.getErrorMessage()).isEqualTo("Elige el proveedor.");
        _get(PurchaseDocumentEditor.class);
    }

    @Test
    void a_user_without_purchasing_create_cannot_open_the_editor() {
        login("ventas@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("purchasing/orders/new"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}

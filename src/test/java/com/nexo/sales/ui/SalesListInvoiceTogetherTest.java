package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.sales.SalesFixtures;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two delivery notes of one client ticked in the delivery notes' list and invoiced together: one
 * draft invoice with the lines of both, opened on its page.
 */
class SalesListInvoiceTogetherTest extends KaribuTest {

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private SalesDocumentService documents;

    @Test
    @SuppressWarnings("unchecked")
    void two_delivery_notes_ticked_in_the_list_become_one_invoice() {
        SalesFixtures fixtures = new SalesFixtures(context);
        UUID client =
                fixtures.client("Dos albaranes " + UUID.randomUUID().toString().substring(0, 6));
        UUID warehouse = fixtures.warehouse();
        UUID bolts = fixtures.goods(warehouse, "10");
        UUID order = fixtures.draft(DocumentKind.ORDER, client, warehouse, bolts, "5");
        UUID[] notes = fixtures.asSales(() -> {
            flow.confirm(order);
            UUID line = documents.document(order).lines().getFirst().id();
            UUID first = flow.deliver(order, Map.of(line, new BigDecimal("2")));
            UUID second = flow.deliver(order, null);
            return new UUID[] {first, second};
        });

        login(SalesFixtures.SALES);
        UI.getCurrent().navigate("sales/deliveries");
        Grid<com.nexo.sales.lists.SalesRow> grid = _get(Grid.class);
        List<com.nexo.sales.lists.SalesRow> rows = GridKt._fetch(grid, 0, 100);
        rows.stream()
                .filter(row -> row.id().equals(notes[0]) || row.id().equals(notes[1]))
                .forEach(grid::select);
        assertThat(grid.getSelectedItems()).hasSize(2);
        _click(_get(Button.class, spec -> spec.withClasses("invoice-selected")));

        DocumentView page = _get(DocumentView.class);
        assertThat(page).isNotNull();
        UUID invoiceId = UUID.fromString(
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("sales/document/", ""));
        SalesDocument invoice = fixtures.asSales(() -> documents.document(invoiceId));
        assertThat(invoice.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(invoice.status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(invoice.lines())
                .extracting(line -> line.quantity().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("2", "3");
    }
}

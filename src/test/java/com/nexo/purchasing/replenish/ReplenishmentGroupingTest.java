package com.nexo.purchasing.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.replenishment.ReplenishmentLine;
import com.nexo.purchasing.replenish.ReplenishmentGrouping.DraftOrder;
import com.nexo.purchasing.replenish.ReplenishmentGrouping.Grouped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplenishmentGroupingTest {

    private static final UUID CENTRAL = UUID.randomUUID();
    private static final UUID NORTH = UUID.randomUUID();
    private static final UUID ACME = UUID.randomUUID();
    private static final UUID BOLTS = UUID.randomUUID();

    private static ReplenishmentLine row(String code, UUID warehouse, UUID supplier, String toOrder) {
        return new ReplenishmentLine(
                UUID.randomUUID(),
                code,
                "Artículo " + code,
                "Article " + code,
                "ud",
                warehouse,
                new BigDecimal(toOrder),
                supplier,
                new BigDecimal("1.50"),
                new BigDecimal("21"),
                true);
    }

    @Test
    void one_draft_order_per_supplier_with_its_lines_by_article_code_and_the_quantity_up_to_the_maximum() {
        Grouped grouped = ReplenishmentGrouping.group(
                List.of(row("C", CENTRAL, ACME, "5"), row("A", CENTRAL, BOLTS, "2"), row("B", CENTRAL, ACME, "7.5")));

        assertThat(grouped.orders()).hasSize(2);
        DraftOrder acme = grouped.orders().getFirst();
        assertThat(acme.supplierId()).isEqualTo(ACME);
        assertThat(acme.warehouseId()).isEqualTo(CENTRAL);
        assertThat(acme.lines()).extracting(ReplenishmentLine::articleCode).containsExactly("B", "C");
        assertThat(acme.lines())
                .extracting(ReplenishmentLine::toOrder)
                .containsExactly(new BigDecimal("7.5"), new BigDecimal("5"));
        assertThat(grouped.orders().get(1).supplierId()).isEqualTo(BOLTS);
        assertThat(grouped.lines()).isEqualTo(3);
        assertThat(grouped.skippedWithoutSupplier()).isZero();
    }

    @Test
    void rows_without_a_default_supplier_are_left_out_and_counted() {
        Grouped grouped = ReplenishmentGrouping.group(
                List.of(row("A", CENTRAL, null, "1"), row("B", CENTRAL, ACME, "1"), row("C", CENTRAL, null, "4")));

        assertThat(grouped.orders())
                .singleElement()
                .satisfies(order -> assertThat(order.lines())
                        .extracting(ReplenishmentLine::articleCode)
                        .containsExactly("B"));
        assertThat(grouped.skippedWithoutSupplier()).isEqualTo(2);
    }

    @Test
    void rows_with_nothing_to_order_make_no_line() {
        Grouped grouped =
                ReplenishmentGrouping.group(List.of(row("A", CENTRAL, ACME, "0"), row("B", CENTRAL, null, "0")));

        assertThat(grouped.orders()).isEmpty();
        assertThat(grouped.skippedWithoutSupplier()).isZero();
    }

    @Test
    void a_supplier_gets_one_order_per_warehouse_when_the_list_spans_several() {
        Grouped grouped = ReplenishmentGrouping.group(
                List.of(row("A", CENTRAL, ACME, "1"), row("A", NORTH, ACME, "2"), row("B", CENTRAL, ACME, "3")));

        assertThat(grouped.orders()).extracting(DraftOrder::warehouseId).containsExactly(CENTRAL, NORTH);
        assertThat(grouped.orders().getFirst().lines()).hasSize(2);
        assertThat(grouped.orders().get(1).lines())
                .singleElement()
                .satisfies(line -> assertThat(line.toOrder()).isEqualByComparingTo("2"));
    }

    @Test
    void no_rows_no_orders() {
        assertThat(ReplenishmentGrouping.group(List.of()).orders()).isEmpty();
    }
}

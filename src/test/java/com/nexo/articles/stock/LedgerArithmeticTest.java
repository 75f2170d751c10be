package com.nexo.articles.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.replenishment.Replenishment;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LedgerArithmeticTest {

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    @Test
    void receipts_and_incoming_transfers_add_issues_and_outgoing_transfers_take_away() {
        assertThat(MovementType.RECEIPT.signed(qty("5"))).isEqualByComparingTo("5");
        assertThat(MovementType.TRANSFER_IN.signed(qty("5"))).isEqualByComparingTo("5");
        assertThat(MovementType.ISSUE.signed(qty("5"))).isEqualByComparingTo("-5");
        assertThat(MovementType.TRANSFER_OUT.signed(qty("5"))).isEqualByComparingTo("-5");
    }

    @Test
    void an_adjustment_keeps_the_sign_it_was_given() {
        assertThat(MovementType.ADJUSTMENT.signed(qty("-2"))).isEqualByComparingTo("-2");
        assertThat(MovementType.ADJUSTMENT.signed(qty("3"))).isEqualByComparingTo("3");
    }

    @Test
    void zero_and_negative_entries_are_refused_with_a_message() {
        assertThatThrownBy(() -> MovementType.RECEIPT.signed(qty("0"))).hasMessage("stock.error.quantity-required");
        assertThatThrownBy(() -> MovementType.ADJUSTMENT.signed(null)).hasMessage("stock.error.quantity-required");
        assertThatThrownBy(() -> MovementType.ISSUE.signed(qty("-1"))).hasMessage("stock.error.quantity-positive");
    }

    @Test
    void on_hand_is_the_sum_of_the_signed_movements() {
        BigDecimal onHand = BigDecimal.ZERO;
        onHand = onHand.add(MovementType.RECEIPT.signed(qty("10")));
        onHand = onHand.add(MovementType.ISSUE.signed(qty("3")));
        onHand = onHand.add(MovementType.TRANSFER_OUT.signed(qty("2.5")));
        onHand = onHand.add(MovementType.ADJUSTMENT.signed(qty("-0.5")));
        assertThat(onHand).isEqualByComparingTo("4");
    }

    @Test
    void available_is_on_hand_less_reserved_and_may_go_below_zero() {
        StockPosition position = new StockPosition(qty("10"), qty("4"));
        assertThat(position.available()).isEqualByComparingTo("6");
        assertThat(position.canReserve(qty("6"))).isTrue();
        assertThat(position.canReserve(qty("6.000001"))).isFalse();
        assertThat(new StockPosition(qty("2"), qty("5")).available()).isEqualByComparingTo("-3");
        assertThat(position.plus(new StockPosition(qty("1"), qty("1"))))
                .isEqualTo(new StockPosition(qty("11"), qty("5")));
    }

    @Test
    void movement_types_round_trip_through_their_database_names() {
        for (MovementType type : MovementType.values()) {
            assertThat(MovementType.fromDb(type.dbValue())).isEqualTo(type);
        }
        assertThat(MovementType.TRANSFER_OUT.dbValue()).isEqualTo("transfer-out");
    }

    @Test
    void below_minimum_orders_up_to_the_maximum() {
        assertThat(Replenishment.quantityToOrder(qty("3"), qty("5"), qty("20"))).isEqualByComparingTo("17");
        assertThat(Replenishment.quantityToOrder(qty("-2"), qty("5"), qty("20")))
                .isEqualByComparingTo("22");
        assertThat(Replenishment.quantityToOrder(qty("5"), qty("5"), qty("20"))).isEqualByComparingTo("0");
        assertThat(Replenishment.isBelowMinimum(qty("4.999"), qty("5"))).isTrue();
    }
}

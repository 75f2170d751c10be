package com.nexo.purchasing.bills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.purchasing.bills.ThreeWayMatch.Issue;
import com.nexo.purchasing.bills.ThreeWayMatch.Line;
import com.nexo.purchasing.bills.ThreeWayMatch.Outcome;
import com.nexo.purchasing.bills.ThreeWayMatch.Result;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThreeWayMatchTest {

    private static final UUID BOLTS = UUID.randomUUID();
    private static final UUID NUTS = UUID.randomUUID();

    @Test
    void a_bill_of_what_was_received_at_the_order_price_matches() {
        Outcome outcome = ThreeWayMatch.match(
                List.of(line(BOLTS, "10", "2.50", "6", "0", "6", "2.50"), line(NUTS, "5", "1.00", "5", "0", "5", "1")),
                null);

        assertThat(outcome.result()).isEqualTo(Result.MATCHED);
        assertThat(outcome.issues()).isEmpty();
        assertThat(outcome.lines()).allMatch(ThreeWayMatch.LineMatch::matched);
        assertThat(outcome.lines().getFirst().billable()).isEqualByComparingTo("6");
    }

    @Test
    void billing_more_than_was_received_is_a_difference() {
        Outcome outcome = ThreeWayMatch.match(List.of(line(BOLTS, "10", "2.50", "6", "0", "7", "2.50")), null);

        assertThat(outcome.result()).isEqualTo(Result.DIFFERENCES);
        assertThat(outcome.lines().getFirst().issues()).containsExactly(Issue.BILLED_MORE_THAN_RECEIVED);
    }

    @Test
    void what_earlier_bills_billed_is_no_longer_billable() {
        Outcome outcome = ThreeWayMatch.match(List.of(line(BOLTS, "10", "2.50", "6", "4", "3", "2.50")), null);

        assertThat(outcome.lines().getFirst().billable()).isEqualByComparingTo("2");
        assertThat(outcome.lines().getFirst().issues()).containsExactly(Issue.BILLED_MORE_THAN_RECEIVED);
    }

    @Test
    void two_lines_of_one_order_line_share_what_was_received() {
        Outcome outcome = ThreeWayMatch.match(
                List.of(
                        line(BOLTS, "10", "2.50", "6", "0", "4", "2.50"),
                        line(BOLTS, "10", "2.50", "6", "0", "3", "2.50")),
                null);

        assertThat(outcome.lines().get(0).issues()).isEmpty();
        assertThat(outcome.lines().get(1).billable()).isEqualByComparingTo("2");
        assertThat(outcome.lines().get(1).issues()).containsExactly(Issue.BILLED_MORE_THAN_RECEIVED);
    }

    @Test
    void a_price_within_the_tolerance_matches_and_beyond_it_differs_either_way() {
        BigDecimal twoPercent = new BigDecimal("2");
        assertThat(ThreeWayMatch.match(List.of(line(BOLTS, "10", "10.00", "10", "0", "10", "10.20")), twoPercent)
                        .result())
                .as("exactly 2 % above")
                .isEqualTo(Result.MATCHED);
        Outcome above = ThreeWayMatch.match(List.of(line(BOLTS, "10", "10.00", "10", "0", "10", "10.21")), twoPercent);
        assertThat(above.lines().getFirst().issues()).containsExactly(Issue.PRICE_DIFFERS);
        assertThat(above.lines().getFirst().priceDifference()).isEqualByComparingTo("0.21");
        Outcome below = ThreeWayMatch.match(List.of(line(BOLTS, "10", "10.00", "10", "0", "10", "9.79")), twoPercent);
        assertThat(below.result()).isEqualTo(Result.DIFFERENCES);
        assertThat(ThreeWayMatch.match(List.of(line(BOLTS, "10", "10.00", "10", "0", "10", "10.01")), null)
                        .result())
                .as("no tolerance: any difference counts")
                .isEqualTo(Result.DIFFERENCES);
    }

    @Test
    void a_line_of_nothing_on_the_order_is_not_on_order() {
        Outcome outcome = ThreeWayMatch.match(
                List.of(
                        line(BOLTS, "10", "2.50", "10", "0", "10", "2.50"),
                        Line.notOnOrder(BigDecimal.ONE, new BigDecimal("15"))),
                BigDecimal.TEN);

        assertThat(outcome.result()).isEqualTo(Result.DIFFERENCES);
        assertThat(outcome.lines().get(1).issues()).containsExactly(Issue.NOT_ON_ORDER);
        assertThat(outcome.issues()).containsExactly(Issue.NOT_ON_ORDER);
    }

    @Test
    void the_bill_lists_every_issue_once_in_the_order_they_appear() {
        Outcome outcome = ThreeWayMatch.match(
                List.of(
                        line(BOLTS, "10", "2.50", "5", "0", "6", "3.00"),
                        Line.notOnOrder(BigDecimal.ONE, BigDecimal.ONE),
                        line(NUTS, "5", "1.00", "5", "0", "6", "1.00")),
                null);

        assertThat(outcome.lines().getFirst().issues())
                .containsExactly(Issue.BILLED_MORE_THAN_RECEIVED, Issue.PRICE_DIFFERS);
        assertThat(outcome.issues())
                .containsExactly(Issue.BILLED_MORE_THAN_RECEIVED, Issue.PRICE_DIFFERS, Issue.NOT_ON_ORDER);
    }

    @Test
    void a_tolerance_outside_0_to_100_percent_is_refused() {
        assertThatThrownBy(() -> ThreeWayMatch.match(List.of(), new BigDecimal("101")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Line line(
            UUID orderLine,
            String ordered,
            String orderedPrice,
            String received,
            String alreadyBilled,
            String billed,
            String billedPrice) {
        return new Line(
                orderLine,
                new BigDecimal(ordered),
                new BigDecimal(orderedPrice),
                new BigDecimal(received),
                new BigDecimal(alreadyBilled),
                new BigDecimal(billed),
                new BigDecimal(billedPrice));
    }
}

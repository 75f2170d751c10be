package com.nexo.purchasing.bills;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The three-way match of a supplier bill against its order and receipts, line by line: a bill line
 * may bill at most what was received of its order line and not yet billed (by earlier bills, or by
 * earlier lines of this bill for the same order line), at the order line's net unit price within the
 * tenant's tolerance (a percentage of that price, either way); a bill line of no order line is not
 * on the order. A bill whose every line passes is MATCHED; any issue makes it DIFFERENCES, which an
 * approver must accept with a note. Pure: no database, no clock.
 */
public final class ThreeWayMatch {

    /** What may be wrong with one bill line. */
    public enum Issue {
        /** More billed than was received and not yet billed. */
        BILLED_MORE_THAN_RECEIVED,
        /** The billed unit price differs from the order's by more than the tolerance. */
        PRICE_DIFFERS,
        /** The line is of nothing on the order. */
        NOT_ON_ORDER
    }

    /** The whole bill's result, as {@code purchase_document.match_status} stores it. */
    public enum Result {
        MATCHED,
        DIFFERENCES
    }

    /**
     * One bill line and what its order line says. For a line not on the order, {@code orderLineId} is
     * null and the order's quantities and price are ignored.
     *
     * @param orderedPrice the order line's unit price after its discount
     * @param alreadyBilledQuantity billed by other (approved) bills of the order line
     */
    public record Line(
            UUID orderLineId,
            BigDecimal orderedQuantity,
            BigDecimal orderedPrice,
            BigDecimal receivedQuantity,
            BigDecimal alreadyBilledQuantity,
            BigDecimal billedQuantity,
            BigDecimal billedPrice) {

        public Line {
            Objects.requireNonNull(billedQuantity, "billedQuantity");
            Objects.requireNonNull(billedPrice, "billedPrice");
            orderedQuantity = zeroIfNull(orderedQuantity);
            orderedPrice = zeroIfNull(orderedPrice);
            receivedQuantity = zeroIfNull(receivedQuantity);
            alreadyBilledQuantity = zeroIfNull(alreadyBilledQuantity);
        }

        /** A bill line of nothing on the order (a freight charge, a wrong article). */
        public static Line notOnOrder(BigDecimal billedQuantity, BigDecimal billedPrice) {
            return new Line(null, null, null, null, null, billedQuantity, billedPrice);
        }

        public boolean onOrder() {
            return orderLineId != null;
        }
    }

    /**
     * One bill line's comparison: what it could still bill ({@code billable}: received, less billed
     * before it, never negative), the price difference (billed − ordered) and its issues.
     */
    public record LineMatch(Line line, BigDecimal billable, BigDecimal priceDifference, Set<Issue> issues) {

        public LineMatch {
            issues = issues.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(issues));
        }

        public boolean matched() {
            return issues.isEmpty();
        }
    }

    /** The whole bill: its result and its lines' comparisons, in the bill's order. */
    public record Outcome(Result result, List<LineMatch> lines) {

        public Outcome {
            lines = List.copyOf(lines);
        }

        /** Every distinct issue of the bill, in the order they first appear. */
        public List<Issue> issues() {
            Set<Issue> all = new LinkedHashSet<>();
            lines.forEach(line -> all.addAll(line.issues()));
            return List.copyOf(all);
        }
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ThreeWayMatch() {}

    /**
     * Matches a bill's lines with a price tolerance in percent (null: none, 0 to 100).
     */
    public static Outcome match(List<Line> lines, BigDecimal tolerancePercent) {
        BigDecimal tolerance = zeroIfNull(tolerancePercent);
        if (tolerance.signum() < 0 || tolerance.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("A tolerance is between 0 and 100 %: " + tolerance);
        }
        Map<UUID, BigDecimal> billedInThisBill = new HashMap<>();
        List<LineMatch> matches = new ArrayList<>(lines.size());
        boolean differences = false;
        for (Line line : lines) {
            Set<Issue> issues = EnumSet.noneOf(Issue.class);
            BigDecimal billable = BigDecimal.ZERO;
            BigDecimal priceDifference = BigDecimal.ZERO;
            if (!line.onOrder()) {
                issues.add(Issue.NOT_ON_ORDER);
            } else {
                BigDecimal before = billedInThisBill.getOrDefault(line.orderLineId(), BigDecimal.ZERO);
                billable = line.receivedQuantity()
                        .subtract(line.alreadyBilledQuantity())
                        .subtract(before)
                        .max(BigDecimal.ZERO);
                if (line.billedQuantity().compareTo(billable) > 0) {
                    issues.add(Issue.BILLED_MORE_THAN_RECEIVED);
                }
                billedInThisBill.merge(line.orderLineId(), line.billedQuantity(), BigDecimal::add);
                priceDifference = line.billedPrice().subtract(line.orderedPrice());
                BigDecimal allowed =
                        line.orderedPrice().abs().multiply(tolerance).divide(HUNDRED, 6, RoundingMode.HALF_UP);
                if (priceDifference.abs().compareTo(allowed) > 0) {
                    issues.add(Issue.PRICE_DIFFERS);
                }
            }
            differences |= !issues.isEmpty();
            matches.add(new LineMatch(line, billable, priceDifference, issues));
        }
        return new Outcome(differences ? Result.DIFFERENCES : Result.MATCHED, matches);
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

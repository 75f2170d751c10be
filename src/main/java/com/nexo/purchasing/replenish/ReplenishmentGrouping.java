package com.nexo.purchasing.replenish;

import com.nexo.articles.replenishment.ReplenishmentLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the below-minimum list becomes draft orders: one order per default supplier and warehouse (one
 * per supplier when the list is of one warehouse), a line per article with the quantity that brings
 * it up to its maximum. Rows without a default supplier are left out and counted; rows with nothing
 * to order are left out. Pure: no database, no clock.
 */
public final class ReplenishmentGrouping {

    /** The lines of one draft order, by article code. */
    public record DraftOrder(UUID supplierId, UUID warehouseId, List<ReplenishmentLine> lines) {

        public DraftOrder {
            lines = List.copyOf(lines);
        }
    }

    /** The draft orders, in the order their suppliers first appear, and the rows without a supplier. */
    public record Grouped(List<DraftOrder> orders, int skippedWithoutSupplier) {

        public Grouped {
            orders = List.copyOf(orders);
        }

        public int lines() {
            return orders.stream().mapToInt(order -> order.lines().size()).sum();
        }
    }

    private record Key(UUID supplierId, UUID warehouseId) {}

    private ReplenishmentGrouping() {}

    public static Grouped group(List<ReplenishmentLine> rows) {
        Map<Key, List<ReplenishmentLine>> bySupplier = new LinkedHashMap<>();
        int withoutSupplier = 0;
        for (ReplenishmentLine row : rows) {
            if (row.toOrder() == null || row.toOrder().signum() <= 0) {
                continue;
            }
            if (row.defaultSupplierId() == null) {
                withoutSupplier++;
                continue;
            }
            bySupplier
                    .computeIfAbsent(new Key(row.defaultSupplierId(), row.warehouseId()), key -> new ArrayList<>())
                    .add(row);
        }
        List<DraftOrder> orders = new ArrayList<>(bySupplier.size());
        bySupplier.forEach((key, lines) -> {
            lines.sort(Comparator.comparing(ReplenishmentLine::articleCode, Comparator.nullsLast(String::compareTo)));
            orders.add(new DraftOrder(key.supplierId(), key.warehouseId(), lines));
        });
        return new Grouped(orders, withoutSupplier);
    }
}

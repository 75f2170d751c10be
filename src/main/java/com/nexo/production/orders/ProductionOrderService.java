package com.nexo.production.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** CONTRACT STUB (helper B replaces the bodies): production orders and their flow. */
@Service
public class ProductionOrderService {

    /** A DRAFT order for the article's bill in force today; refuses an article without one. */
    public UUID create(OrderForm form) {
        throw new UnsupportedOperationException("helper B");
    }

    /** DRAFT -> RELEASED: numbered, inputs reserved (as much as is available), child orders for missing sub-assemblies. */
    public ReleaseResult release(UUID orderId, long version) {
        throw new UnsupportedOperationException("helper B");
    }

    /** RELEASED -> IN_PROGRESS (nothing when already in progress). */
    public void start(UUID orderId) {
        throw new UnsupportedOperationException("helper B");
    }

    /** What the bill says to consume for {@code made} units, per material line (not more than still to consume). */
    public List<MaterialUse> proposedConsumption(UUID orderId, BigDecimal made) {
        throw new UnsupportedOperationException("helper B");
    }

    /** Issues these quantities from stock for the order (from its reservations first). */
    public void consume(UUID orderId, List<MaterialUse> uses) {
        throw new UnsupportedOperationException("helper B");
    }

    /** Receives {@code quantity} made into the order's warehouse at standard cost; with {@code consumeProposed} also consumes what the bill says for it. */
    public void produce(UUID orderId, BigDecimal quantity, boolean consumeProposed) {
        throw new UnsupportedOperationException("helper B");
    }

    /** Scraps {@code quantity} of a material (issued from stock) or, when {@code materialId} is null, of the output; a reason is required. */
    public void scrap(UUID orderId, UUID materialId, BigDecimal quantity, String reason) {
        throw new UnsupportedOperationException("helper B");
    }

    /** IN_PROGRESS (or RELEASED) -> COMPLETED: what is still reserved goes back to available. */
    public void complete(UUID orderId) {
        throw new UnsupportedOperationException("helper B");
    }
}

package com.nexo.production.boms;

import com.nexo.articles.stock.ArticleCostsChanged;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Recomputes standard costs when input costs change: after the transaction that changed them has
 * committed, on one background thread of its own (the receipt that changed a cost does not wait, and
 * two roll-ups never run at once), as system work for the tenant on behalf of the user who changed
 * them. One cheap query first: nothing more happens unless one of the articles is in a bill.
 */
@Component
class StandardCostRefresh {

    private static final Logger log = LoggerFactory.getLogger(StandardCostRefresh.class);

    private final CostRollUp rollUp;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "production-cost-refresh");
        thread.setDaemon(true);
        return thread;
    });

    StandardCostRefresh(CostRollUp rollUp) {
        this.rollUp = rollUp;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void costsChanged(ArticleCostsChanged event) {
        worker.execute(() -> refresh(event));
    }

    /** The roll-up from the changed articles, in its own transaction (synchronous: tests call it). */
    int refresh(ArticleCostsChanged event) {
        try {
            return TenantContext.callAsSystem(event.tenantId(), event.userId(), () -> {
                if (!rollUp.usedInBills(event.articleIds())) {
                    return 0;
                }
                return rollUp.rollUpFrom(event.articleIds());
            });
        } catch (RuntimeException e) {
            log.warn(
                    "Standard costs not recomputed after a cost change of {} articles (tenant {}): {}",
                    event.articleIds().size(),
                    event.tenantId(),
                    e.toString());
            return 0;
        }
    }

    /** Waits for the recomputations already asked for (tests; shutting down). */
    void awaitQueued(long timeout, TimeUnit unit) throws Exception {
        worker.submit(() -> {}).get(timeout, unit);
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}

package com.nexo.production.work;

import com.nexo.articles.ArticleDirectory.ArticleSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A service task of an order with who performs it, its planned and actual hours and cost, and the
 * clock running on it (its worker and since when; nulls when none runs).
 */
public record OrderTask(
        UUID id,
        UUID orderId,
        int position,
        ArticleSummary service,
        BigDecimal plannedHours,
        UUID workerId,
        String workerName,
        UUID professionalId,
        TaskStatus status,
        BigDecimal standardRate,
        BigDecimal actualHours,
        BigDecimal actualCost,
        UUID runningWorkerId,
        Instant runningSince,
        long version) {

    public boolean done() {
        return status == TaskStatus.DONE;
    }

    public boolean clockRunning() {
        return runningSince != null;
    }
}

package com.nexo.production.floor;

import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.work.TaskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The task of an order the person works on, and since when their clock runs on it (null when it does not). */
public record FloorTask(
        UUID taskId,
        ArticleSummary service,
        TaskStatus status,
        BigDecimal plannedHours,
        BigDecimal actualHours,
        UUID workerId,
        Instant runningSince) {

    public boolean clockRunning() {
        return runningSince != null;
    }
}

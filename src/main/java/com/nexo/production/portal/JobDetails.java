package com.nexo.production.portal;

import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.work.TaskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One job as its professional sees it: the order it belongs to (number, state, quantity, when it was
 * released, started and is due, its notes and work centre), the hours planned and logged, what they
 * are worth at the professional's rate, the clock running on it and the version an accept or a
 * "done" is checked against, and the article the order makes (null when it could not be read).
 */
public record JobDetails(
        UUID taskId,
        String orderNumber,
        String orderStatus,
        BigDecimal quantity,
        Instant releasedAt,
        Instant startedAt,
        LocalDate dueDate,
        String workCentre,
        String notes,
        BigDecimal plannedHours,
        BigDecimal loggedHours,
        BigDecimal earned,
        BigDecimal hourlyRate,
        TaskStatus status,
        Instant clockSince,
        Instant doneAt,
        long version,
        UUID articleId,
        ArticleSummary article) {

    /** The same job with the article its order makes (read for it by {@link ProfessionalJobs#job}). */
    JobDetails withArticle(ArticleSummary found) {
        return new JobDetails(
                taskId,
                orderNumber,
                orderStatus,
                quantity,
                releasedAt,
                startedAt,
                dueDate,
                workCentre,
                notes,
                plannedHours,
                loggedHours,
                earned,
                hourlyRate,
                status,
                clockSince,
                doneAt,
                version,
                articleId,
                found);
    }

    /** Whether the order still takes work (released or in progress). */
    public boolean workable() {
        return "RELEASED".equals(orderStatus) || "IN_PROGRESS".equals(orderStatus);
    }

    public boolean clockRunning() {
        return clockSince != null;
    }

    public boolean canAccept() {
        return workable() && status == TaskStatus.OPEN;
    }

    /** Time is logged on an accepted job that is not done, of an order that still takes work. */
    public boolean canLogTime() {
        return workable() && (status == TaskStatus.ACCEPTED || status == TaskStatus.IN_PROGRESS);
    }

    /** Done needs time on it (logged or running): a job nobody worked on is not done. */
    public boolean canMarkDone() {
        return canLogTime() && (loggedHours.signum() > 0 || clockRunning());
    }
}

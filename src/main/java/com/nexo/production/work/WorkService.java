package com.nexo.production.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** CONTRACT STUB (helper C replaces the bodies): work centres, workers, task assignment and time. */
@Service
public class WorkService {

    public UUID createWorkCentre(WorkCentreForm form) {
        throw new UnsupportedOperationException("helper C");
    }

    /** A worker; its name is read from the user or the account. */
    public UUID createWorker(WorkerForm form) {
        throw new UnsupportedOperationException("helper C");
    }

    /** Assigns a task of an order to a worker (copies professional_id for a professional). */
    public void assign(UUID taskId, UUID workerId) {
        throw new UnsupportedOperationException("helper C");
    }

    /** Starts the worker's clock on a task; refuses a second running clock. Returns the time entry. */
    public UUID startClock(UUID taskId, UUID workerId) {
        throw new UnsupportedOperationException("helper C");
    }

    /** Stops the worker's running clock: hours and cost are computed at the entry's rate. */
    public void stopClock(UUID workerId) {
        throw new UnsupportedOperationException("helper C");
    }

    /** Records typed hours of a worker on a task on a date, costed at the worker's rate. */
    public UUID logHours(UUID taskId, UUID workerId, LocalDate workDate, BigDecimal hours, String note) {
        throw new UnsupportedOperationException("helper C");
    }

    /** Marks a task done. */
    public void finishTask(UUID taskId) {
        throw new UnsupportedOperationException("helper C");
    }
}

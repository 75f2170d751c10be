package com.nexo.production.portal;

import com.nexo.production.work.TaskStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A job of the professional's list: a service task of a production order, with its order's number and due date. */
public record Job(
        UUID taskId,
        String orderNumber,
        BigDecimal quantity,
        LocalDate dueDate,
        String workCentre,
        BigDecimal plannedHours,
        BigDecimal loggedHours,
        TaskStatus status,
        boolean clockRunning) {}

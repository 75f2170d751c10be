package com.nexo.production.work;

/** OPEN (no time yet) -> ACCEPTED (by its professional, later) -> IN_PROGRESS (time recorded) -> DONE. */
public enum TaskStatus {
    OPEN,
    ACCEPTED,
    IN_PROGRESS,
    DONE
}

package com.nexo.crm.activities;

/** What an activity is: a call, a meeting, a task or a note. */
public enum ActivityKind {
    CALL,
    MEETING,
    TASK,
    NOTE;
}

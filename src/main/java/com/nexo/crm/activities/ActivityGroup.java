package com.nexo.crm.activities;

/** The groups of "my activities", by due date in the user's time zone. */
public enum ActivityGroup {
    /** Due before today. */
    OVERDUE,
    /** Due today. */
    TODAY,
    /** Due after today. */
    UPCOMING;
}

package com.nexo.crm.assignment;

/** Which new leads a rule takes: every one, those carrying a tag, or those of a region. */
public enum AssignmentCondition {
    ANY,
    TAG,
    REGION
}

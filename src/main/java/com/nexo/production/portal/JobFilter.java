package com.nexo.production.portal;

/** Which of its jobs a professional lists. */
public enum JobFilter {
    /** Not done yet (waiting to be accepted, accepted or in progress). */
    OPEN,
    DONE,
    ALL
}

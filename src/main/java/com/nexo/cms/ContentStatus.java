package com.nexo.cms;

/**
 * Where an item is in its publication: a draft is seen by staff only; a scheduled item is published
 * by the schedule at its publish-at time; a published one is read by its audiences until its
 * expire-at time, when the schedule expires it.
 */
public enum ContentStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    EXPIRED
}

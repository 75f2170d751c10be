package com.nexo.cms.content;

import com.nexo.cms.ContentStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an item's publication goes at an instant: the rules behind {@code ContentService.publish} and
 * the schedule ({@link PublicationSchedule}, whose set-based statement applies the same ones).
 */
final class PublicationRules {

    private PublicationRules() {}

    /** Whether an item whose expire-at is this has expired at {@code now}. */
    static boolean expired(Instant expireAt, Instant now) {
        return expireAt != null && !expireAt.isAfter(now);
    }

    /**
     * The state an editor's "publish" puts an item in: scheduled when its publish-at lies ahead,
     * published otherwise; empty when it would already have expired (nothing to publish).
     */
    static Optional<ContentStatus> onPublish(Instant publishAt, Instant expireAt, Instant now) {
        if (expired(expireAt, now)) {
            return Optional.empty();
        }
        return Optional.of(
                publishAt != null && publishAt.isAfter(now) ? ContentStatus.SCHEDULED : ContentStatus.PUBLISHED);
    }

    /**
     * The state the schedule moves an item to at {@code now}, or empty when it stays: a scheduled item
     * whose time has come is published (or expired at once, when its expiry has passed too); a
     * published one whose expiry has passed is expired. Drafts and expired items stay.
     */
    static Optional<ContentStatus> due(ContentStatus status, Instant publishAt, Instant expireAt, Instant now) {
        return switch (status) {
            case SCHEDULED ->
                publishAt != null && !publishAt.isAfter(now)
                        ? Optional.of(expired(expireAt, now) ? ContentStatus.EXPIRED : ContentStatus.PUBLISHED)
                        : Optional.empty();
            case PUBLISHED -> expired(expireAt, now) ? Optional.of(ContentStatus.EXPIRED) : Optional.empty();
            case DRAFT, EXPIRED -> Optional.empty();
        };
    }
}

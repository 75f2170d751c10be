package com.nexo.cms.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.cms.ContentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where an item's publication goes at an instant. */
class PublicationRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant BEFORE = NOW.minusSeconds(60);
    private static final Instant AFTER = NOW.plusSeconds(60);

    @Test
    void publishingWithoutADateOrWithOneThatHasComePublishesNow() {
        assertThat(PublicationRules.onPublish(null, null, NOW)).contains(ContentStatus.PUBLISHED);
        assertThat(PublicationRules.onPublish(BEFORE, AFTER, NOW)).contains(ContentStatus.PUBLISHED);
        assertThat(PublicationRules.onPublish(NOW, null, NOW)).contains(ContentStatus.PUBLISHED);
    }

    @Test
    void publishingWithADateAheadSchedules() {
        assertThat(PublicationRules.onPublish(AFTER, null, NOW)).contains(ContentStatus.SCHEDULED);
    }

    @Test
    void anItemWhoseExpiryHasPassedCannotBePublished() {
        assertThat(PublicationRules.onPublish(null, BEFORE, NOW)).isEmpty();
        assertThat(PublicationRules.onPublish(null, NOW, NOW)).isEmpty();
    }

    @Test
    void theScheduleTakesAScheduledItemWhoseTimeHasComeToPublished() {
        assertThat(PublicationRules.due(ContentStatus.SCHEDULED, BEFORE, null, NOW))
                .contains(ContentStatus.PUBLISHED);
        assertThat(PublicationRules.due(ContentStatus.SCHEDULED, NOW, AFTER, NOW))
                .contains(ContentStatus.PUBLISHED);
        assertThat(PublicationRules.due(ContentStatus.SCHEDULED, AFTER, null, NOW))
                .isEmpty();
    }

    @Test
    void aScheduledItemWhoseExpiryHasPassedTooGoesStraightToExpired() {
        assertThat(PublicationRules.due(ContentStatus.SCHEDULED, BEFORE.minusSeconds(60), BEFORE, NOW))
                .contains(ContentStatus.EXPIRED);
    }

    @Test
    void thePublishedExpireAtTheirExpiryAndNotBefore() {
        assertThat(PublicationRules.due(ContentStatus.PUBLISHED, null, NOW, NOW))
                .contains(ContentStatus.EXPIRED);
        assertThat(PublicationRules.due(ContentStatus.PUBLISHED, null, AFTER, NOW))
                .isEmpty();
        assertThat(PublicationRules.due(ContentStatus.PUBLISHED, BEFORE, null, NOW))
                .isEmpty();
    }

    @Test
    void draftsAndExpiredItemsStayWhereTheyAre() {
        assertThat(PublicationRules.due(ContentStatus.DRAFT, BEFORE, BEFORE, NOW))
                .isEmpty();
        assertThat(PublicationRules.due(ContentStatus.EXPIRED, BEFORE, BEFORE, NOW))
                .isEmpty();
    }
}

package com.nexo.base.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One of the current user's notifications, as the bell lists it. */
public record NotificationRow(
        UUID id,
        String kind,
        String titleKey,
        List<String> titleArgs,
        String titleText,
        String link,
        Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}

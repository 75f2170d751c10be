package com.nexo.base.notifications;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What to tell a user: a title (a bundle key with its arguments, translated in the reader's language
 * when shown or mailed, or a plain text) and the route a click on it opens.
 *
 * @param userId who is told (a user of the current tenant)
 * @param kind what it is about, in the sender's words ("crm.reminder")
 * @param titleKey the title's bundle key, or null for {@code titleText}
 * @param titleArgs the key's arguments, as texts
 * @param titleText a plain title, or null for {@code titleKey}
 * @param link the route a click opens ("crm/opportunities/..."), or null
 */
public record Notice(UUID userId, String kind, String titleKey, List<String> titleArgs, String titleText, String link) {

    public Notice {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        if ((titleKey == null) == (titleText == null)) {
            throw new IllegalArgumentException("a notice has either a title key or a plain title");
        }
        titleArgs = titleArgs == null ? List.of() : List.copyOf(titleArgs);
    }

    /** A notice whose title is the bundle key {@code titleKey} with {@code args}. */
    public static Notice translated(UUID userId, String kind, String link, String titleKey, String... args) {
        return new Notice(userId, kind, titleKey, List.of(args), null, link);
    }

    /** A notice with a title written out (a user's own words). */
    public static Notice plain(UUID userId, String kind, String link, String title) {
        return new Notice(userId, kind, null, List.of(), title, link);
    }
}

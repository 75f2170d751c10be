package com.nexo.cms.content;

import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentStatus;

/** What the content list shows: null fields do not filter; {@code text} is a part of the title or slug. */
public record ItemFilter(ContentKind kind, ContentStatus status, Audience audience, String text) {

    public static ItemFilter all() {
        return new ItemFilter(null, null, null, null);
    }
}

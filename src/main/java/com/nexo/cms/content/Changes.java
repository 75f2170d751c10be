package com.nexo.cms.content;

import com.nexo.cms.ContentLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which fields a save changed, as a revision lists them: {@code title.es}, {@code summary.en},
 * {@code body.es}, {@code file.en}, {@code slug}, {@code category}, {@code folder}, {@code audiences},
 * {@code status}, {@code publishAt}, {@code expireAt}.
 */
final class Changes {

    private Changes() {}

    /** The fields that differ; {@code before} null (a new item) lists every field that has a value. */
    static List<String> between(ItemDetail before, ItemDetail after) {
        List<String> fields = new ArrayList<>();
        for (ContentLanguage language : ContentLanguage.values()) {
            ItemText was = before == null ? null : before.texts().get(language);
            ItemText is = after.texts().get(language);
            String code = language.code();
            if (differs(was == null ? null : was.title(), is == null ? null : is.title())) {
                fields.add("title." + code);
            }
            if (differs(
                    blankAsNull(was == null ? null : was.summary()), blankAsNull(is == null ? null : is.summary()))) {
                fields.add("summary." + code);
            }
            if (differs(
                    blankAsNull(was == null ? null : was.bodyMarkdown()),
                    blankAsNull(is == null ? null : is.bodyMarkdown()))) {
                fields.add("body." + code);
            }
            if (differs(was == null ? null : was.fileId(), is == null ? null : is.fileId())) {
                fields.add("file." + code);
            }
        }
        if (before == null || !before.slug().equals(after.slug())) {
            fields.add("slug");
        }
        if (differs(before == null ? null : before.categoryId(), after.categoryId())) {
            fields.add("category");
        }
        if (differs(before == null ? null : before.folderId(), after.folderId())) {
            fields.add("folder");
        }
        if (before == null
                || !before.audiences().equals(after.audiences())
                || !before.internalRoles().equals(after.internalRoles())) {
            fields.add("audiences");
        }
        if (before != null && before.status() != after.status()) {
            fields.add("status");
        }
        if (differs(before == null ? null : before.publishAt(), after.publishAt())) {
            fields.add("publishAt");
        }
        if (differs(before == null ? null : before.expireAt(), after.expireAt())) {
            fields.add("expireAt");
        }
        return fields;
    }

    private static boolean differs(Object was, Object is) {
        return !Objects.equals(was, is);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

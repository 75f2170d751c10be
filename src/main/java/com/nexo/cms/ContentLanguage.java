package com.nexo.cms;

import java.util.Locale;

/** The languages an item's text is written in; readers get theirs, or the other when it is missing. */
public enum ContentLanguage {
    ES,
    EN;

    /** The value stored in {@code cms_item_text.lang}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentLanguage fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The reader's language for a locale: Spanish for {@code es}, English otherwise. */
    public static ContentLanguage of(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? ES : EN;
    }

    public ContentLanguage other() {
        return this == ES ? EN : ES;
    }
}

package com.nexo.base.filters;

/** A list's quick search text as its filter keeps it: clean, bounded, or null when there is none. */
public final class SearchText {

    /** The longest search text looked for; longer text is cut. */
    public static final int MAX_LENGTH = 100;

    private SearchText() {}

    /** Blank as null; control characters (refused by the database) as spaces; at most {@link #MAX_LENGTH} characters. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.length() > MAX_LENGTH) {
            clean = clean.substring(0, MAX_LENGTH).strip();
        }
        return clean.isEmpty() ? null : clean;
    }
}

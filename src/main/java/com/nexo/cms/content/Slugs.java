package com.nexo.cms.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** An item's address in its tenant: lower-case letters, digits and single hyphens, accents folded. */
final class Slugs {

    static final int MAX_LENGTH = 120;
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    static boolean valid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && FORMAT.matcher(slug).matches();
    }

    /** A slug made from a title ("Política de privacidad" → "politica-de-privacidad"); empty when nothing is left. */
    static String fromTitle(String title) {
        if (title == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD))
                .replaceAll("")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ø", "o")
                .toLowerCase(Locale.ROOT);
        String slug = OTHER.matcher(folded).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH - 4) {
            // Room for a "-NNN" suffix when the slug is taken.
            slug = trimHyphens(slug.substring(0, MAX_LENGTH - 4));
        }
        return slug;
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}

package com.nexo.accounts.search;

import com.nexo.accounts.account.AccountRole;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a list of accounts shows: accounts with any of {@code roles} (all when empty), carrying
 * {@code tag}, owned by {@code ownerId}, active, archived or both, and matching the quick-search
 * {@code text} (name, code, tax id, e-mail, phone; accents and small typos tolerated). Null or empty
 * parts do not filter.
 *
 * <p>The quick search matches at most {@link #MAX_WORDS} words of {@code text}; control characters
 * (which the database refuses in text) separate words, and a word longer than
 * {@link #MAX_WORD_LENGTH} characters is ignored: the database cannot index or search such a word,
 * and no name, code or e-mail is that long. A view says so ({@link #hasOverlongWord()}).
 */
public record AccountFilter(Set<AccountRole> roles, String tag, UUID ownerId, Status status, String text) {

    /** Which accounts by their archived flag. Merged accounts are archived. */
    public static final int MAX_WORDS = 6;

    /** The longest word the quick search looks for. */
    public static final int MAX_WORD_LENGTH = 100;

    public enum Status {
        ACTIVE,
        ARCHIVED,
        ALL
    }

    public AccountFilter {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        status = status == null ? Status.ACTIVE : status;
        tag = clean(tag);
        text = clean(text);
    }

    /** Active accounts, no other condition. */
    public static AccountFilter active() {
        return new AccountFilter(Set.of(), null, null, Status.ACTIVE, null);
    }

    /** The filter, or the active accounts when there is none. */
    public static AccountFilter orDefault(AccountFilter filter) {
        return filter == null ? active() : filter;
    }

    /** Active accounts matching a quick search. */
    public static AccountFilter search(String text) {
        return new AccountFilter(Set.of(), null, null, Status.ACTIVE, text);
    }

    /** The words the quick search looks for: up to {@link #MAX_WORDS}, over-long ones left out. */
    public List<String> words() {
        return split(text).stream()
                .filter(word -> word.length() <= MAX_WORD_LENGTH)
                .limit(MAX_WORDS)
                .toList();
    }

    /** Whether the search text has a word that is too long to look for (and is left out). */
    public boolean hasOverlongWord() {
        return split(text).stream().anyMatch(word -> word.length() > MAX_WORD_LENGTH);
    }

    /** Blank as null; control characters, which the database refuses in text, as spaces. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.isEmpty() ? null : clean;
    }

    private static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s\\p{Cntrl}]+"))
                .filter(word -> !word.isBlank())
                .toList();
    }

    public AccountFilter withText(String newText) {
        return new AccountFilter(roles, tag, ownerId, status, newText);
    }
}

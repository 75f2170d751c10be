package com.nexo.base.ui;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The letters an avatar shows for a person's name: the first letter of the first and of the last
 * word, at most two. Vaadin's avatar takes the first character of every word instead, so "Carlos
 * Castro (Sistemas)" read "CC(S". What stands in brackets is a note about the person (a department,
 * a company), not their name, and counts only when nothing else is left. Works on code points, so
 * letters outside the Basic Multilingual Plane and composed accents are whole letters.
 */
public final class Initials {

    private Initials() {}

    /** Up to two capital letters; empty when the name has no letter at all. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        List<Integer> letters = firstLetters(withoutBracketedNotes(composed));
        if (letters.isEmpty()) {
            letters = firstLetters(composed);
        }
        if (letters.isEmpty()) {
            return "";
        }
        // Letter by letter: upper-casing the string would turn "ß" into "SS", a third letter.
        StringBuilder initials = new StringBuilder().appendCodePoint(Character.toTitleCase(letters.getFirst()));
        if (letters.size() > 1) {
            initials.appendCodePoint(Character.toTitleCase(letters.getLast()));
        }
        return initials.toString();
    }

    /** The first letter of each word; a word is what lies between white space. */
    private static List<Integer> firstLetters(String text) {
        List<Integer> letters = new ArrayList<>();
        for (String word : text.strip().split("[\\s\\p{Z}]+")) {
            word.codePoints().filter(Character::isLetter).findFirst().ifPresent(letters::add);
        }
        return letters;
    }

    private static String withoutBracketedNotes(String text) {
        return text.replaceAll("\\([^)]*\\)?|\\[[^]]*]?|\\{[^}]*}?", " ");
    }
}

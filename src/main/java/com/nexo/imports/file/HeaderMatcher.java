package com.nexo.imports.file;

import com.nexo.imports.ImportField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proposes which field each column of a file goes to, from the column's header: the user confirms or
 * changes the proposal before anything is imported.
 */
public final class HeaderMatcher {

    private HeaderMatcher() {}

    /**
     * One entry per header: the id of the field proposed for it, or null. A header that is one of a
     * field's names (its synonyms, or its id in words: {@code legalName} is {@code legal name}) goes to
     * that field; otherwise a header that contains a name as whole words ({@code Correo electrónico de
     * facturación} contains {@code correo electrónico}) goes to the field with the longest such name. A
     * field goes to one header at most, the first that asks for it.
     */
    public static List<String> propose(List<String> headers, List<ImportField> fields) {
        List<Set<String>> names = fields.stream().map(HeaderMatcher::names).toList();
        List<String> normalised = headers.stream().map(ValueParser::normalise).toList();
        String[] proposal = new String[headers.size()];
        Set<String> taken = new HashSet<>();

        for (int h = 0; h < proposal.length; h++) {
            for (int f = 0; f < fields.size() && proposal[h] == null; f++) {
                String id = fields.get(f).id();
                if (!taken.contains(id) && names.get(f).contains(normalised.get(h))) {
                    proposal[h] = id;
                    taken.add(id);
                }
            }
        }
        for (int h = 0; h < proposal.length; h++) {
            if (proposal[h] != null) {
                continue;
            }
            String words = " " + normalised.get(h) + " ";
            String best = null;
            int longest = 0;
            for (int f = 0; f < fields.size(); f++) {
                String id = fields.get(f).id();
                if (taken.contains(id)) {
                    continue;
                }
                for (String name : names.get(f)) {
                    if (name.length() > longest && words.contains(" " + name + " ")) {
                        best = id;
                        longest = name.length();
                    }
                }
            }
            if (best != null) {
                proposal[h] = best;
                taken.add(best);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(proposal));
    }

    /** A field's names, normalised; never empty strings, which every header would contain. */
    private static Set<String> names(ImportField field) {
        List<String> written = new ArrayList<>(field.synonyms());
        written.add(field.id().replaceAll("(?<=[\\p{Ll}\\d])(?=\\p{Lu})", " "));
        Set<String> names = new LinkedHashSet<>();
        for (String name : written) {
            String normalised = ValueParser.normalise(name);
            if (!normalised.isEmpty()) {
                names.add(normalised);
            }
        }
        return names;
    }
}

package com.nexo.accounts.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * When an existing account counts as a possible duplicate of the one being entered: the same tax id
 * (compared without separators or the "ES" prefix), a shared e-mail (ignoring case), or a legal or
 * trade name whose trigram similarity reaches {@link #NAME_SIMILARITY}.
 */
public final class DuplicateRules {

    /** pg_trgm similarity of the names from which they count as "very similar". */
    public static final double NAME_SIMILARITY = 0.6;

    private DuplicateRules() {}

    /** Why {@code existing} looks like {@code entered}; empty when it does not. */
    public static Set<DuplicateCandidate.Reason> reasons(
            AccountForm entered, String existingTaxId, List<String> existingEmails, double nameSimilarity) {
        EnumSet<DuplicateCandidate.Reason> reasons = EnumSet.noneOf(DuplicateCandidate.Reason.class);
        String taxId = TaxIds.normalize(entered.getTaxId());
        if (taxId != null && !taxId.isEmpty() && Objects.equals(taxId, TaxIds.normalize(existingTaxId))) {
            reasons.add(DuplicateCandidate.Reason.SAME_TAX_ID);
        }
        for (String email : entered.getEmails()) {
            if (email != null
                    && existingEmails.stream().anyMatch(other -> other.strip().equalsIgnoreCase(email.strip()))) {
                reasons.add(DuplicateCandidate.Reason.SAME_EMAIL);
                break;
            }
        }
        if (nameSimilarity >= NAME_SIMILARITY) {
            reasons.add(DuplicateCandidate.Reason.SIMILAR_NAME);
        }
        return reasons;
    }

    /** E-mails as compared and stored: trimmed, lower case. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

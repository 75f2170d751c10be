package com.nexo.accounts.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * Whether an edit changed what makes an account a duplicate of another: its tax id, e-mails, legal
     * or trade name. An account saved once despite a warning is not warned about again on every later
     * edit of its other fields; only when one of these changes.
     */
    public static boolean identityChanged(AccountForm stored, AccountForm edited) {
        return !Objects.equals(TaxIds.normalize(stored.getTaxId()), TaxIds.normalize(edited.getTaxId()))
                || !Objects.equals(name(stored.getLegalName()), name(edited.getLegalName()))
                || !Objects.equals(name(stored.getTradeName()), name(edited.getTradeName()))
                || !emails(stored).equals(emails(edited));
    }

    private static String name(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> emails(AccountForm form) {
        return form.getEmails().stream()
                .filter(email -> email != null && !email.isBlank())
                .map(DuplicateRules::normalizeEmail)
                .collect(Collectors.toSet());
    }

    /** E-mails as compared and stored: trimmed, lower case. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

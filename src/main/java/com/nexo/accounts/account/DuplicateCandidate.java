package com.nexo.accounts.account;

import java.util.Set;
import java.util.UUID;

/** An existing account that looks like the one being entered, and why. */
public record DuplicateCandidate(
        UUID id, String code, String legalName, String taxId, Set<Reason> reasons, double nameSimilarity) {

    public enum Reason {
        SAME_TAX_ID,
        SAME_EMAIL,
        SIMILAR_NAME
    }
}

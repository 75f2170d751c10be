package com.nexo.accounts.merge;

import com.nexo.accounts.account.AccountField;
import java.util.Map;
import java.util.UUID;

/**
 * Merge {@code loserId} into {@code survivorId}: for each field in {@code choices}, keep that side's
 * value; fields not chosen follow {@link AccountMerge}'s defaults. The loser's contacts and
 * references move to the survivor; the loser is then archived (marked merged) or, when
 * {@code deleteLoser} is set and nothing refers to it any more, deleted. Both versions are the ones
 * the user saw; a newer one refuses the merge.
 */
public record MergeRequest(
        UUID survivorId,
        long survivorVersion,
        UUID loserId,
        long loserVersion,
        Map<AccountField, MergeSide> choices,
        boolean deleteLoser) {

    public MergeRequest {
        choices = choices == null ? Map.of() : Map.copyOf(choices);
    }
}

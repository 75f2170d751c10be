package com.nexo.accounts.merge;

/** Whose value a merge keeps for a field: the surviving account's or the merged-away one's. */
public enum MergeSide {
    SURVIVOR,
    LOSER
}

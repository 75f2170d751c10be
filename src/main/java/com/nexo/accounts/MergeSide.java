package com.nexo.accounts;

/** Whose value a merge keeps for a field: the surviving account's or the merged-away one's. */
public enum MergeSide {
    SURVIVOR,
    LOSER
}

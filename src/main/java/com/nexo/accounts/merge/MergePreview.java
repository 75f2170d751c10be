package com.nexo.accounts.merge;

import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import java.util.List;

/**
 * Two accounts side by side before a merge: both forms, the fields where they differ, what the merge
 * would keep by default, and how many contacts and references would move.
 */
public record MergePreview(
        AccountForm survivor,
        AccountForm loser,
        List<AccountField> differences,
        AccountForm defaultResult,
        int loserContacts,
        long loserReferences) {}

package com.nexo.accounts.merge;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.Account;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRepository;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountRules;
import com.nexo.accounts.account.DeleteOutcome;
import com.nexo.accounts.account.ReferringRecords;
import com.nexo.accounts.contacts.Contact;
import com.nexo.accounts.contacts.ContactRepository;
import com.nexo.history.ChangeHistory;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate account (the loser) into the one that stays (the survivor): chosen values,
 * contacts and every referring record move to the survivor, and the loser is deleted or archived.
 * Needs {@link AccountPermissions#MERGE}.
 */
@Service
public class AccountMergeService {

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final AccountRules rules;
    private final ReferringRecords referring;
    private final ChangeHistory history;

    AccountMergeService(
            AccountRepository accounts,
            ContactRepository contacts,
            AccountRules rules,
            ReferringRecords referring,
            ChangeHistory history) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.rules = rules;
        this.referring = referring;
        this.history = history;
    }

    /** The two accounts side by side, what differs and what a merge would keep by default. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccountPermissions.MERGE)
    public MergePreview previewMerge(UUID survivorId, UUID loserId) {
        if (Objects.equals(survivorId, loserId)) {
            throw new AccountRuleException("accounts.error.merge-same");
        }
        AccountForm survivor = rules.find(survivorId).toForm();
        AccountForm loser = rules.find(loserId).toForm();
        return new MergePreview(
                survivor,
                loser,
                AccountMerge.differences(survivor, loser),
                AccountMerge.merge(survivor, loser, Map.of()),
                contacts.countByAccountId(loserId),
                referring.count(loserId));
    }

    /**
     * Merges the loser into the survivor (see {@link MergeRequest}); the changes are recorded in the
     * history with the note {@code merge}. Returns what was done with the loser.
     */
    @Transactional
    @RolesAllowed(AccountPermissions.MERGE)
    public DeleteOutcome merge(MergeRequest request) {
        Objects.requireNonNull(request, "request");
        if (Objects.equals(request.survivorId(), request.loserId())) {
            throw new AccountRuleException("accounts.error.merge-same");
        }
        Account survivor = rules.find(request.survivorId());
        Account loser = rules.find(request.loserId());
        rules.requireVersion(survivor, request.survivorVersion());
        rules.requireVersion(loser, request.loserVersion());
        if (loser.getMergedInto() != null) {
            throw new AccountRuleException("accounts.error.already-merged");
        }
        history.noteForThisTransaction("merge");
        AccountForm merged = AccountMerge.merge(survivor.toForm(), loser.toForm(), request.choices());
        rules.validate(merged);
        // Contacts move; the survivor keeps its primary contact if it has one.
        boolean survivorHasPrimary = contacts.findByAccountIdOrderByPrimaryDescNameAsc(survivor.getId()).stream()
                .anyMatch(Contact::isPrimary);
        for (Contact contact : contacts.findByAccountIdOrderByPrimaryDescNameAsc(loser.getId())) {
            if (survivorHasPrimary && contact.isPrimary()) {
                contact.setPrimary(false);
                contacts.saveAndFlush(contact);
            }
            contact.moveTo(survivor.getId());
        }
        contacts.flush();
        referring.moveAll(loser.getId(), survivor.getId());
        survivor.apply(merged);
        accounts.saveAndFlush(survivor);
        if (request.deleteLoser() && referring.count(loser.getId()) == 0) {
            accounts.delete(loser);
            accounts.flush();
            return DeleteOutcome.DELETED;
        }
        loser.markMergedInto(survivor.getId());
        accounts.saveAndFlush(loser);
        return DeleteOutcome.ARCHIVED;
    }
}

package com.nexo.accounts.account;

import com.nexo.accounts.AccountPermissions;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.history.FieldChange;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's page in one read: what {@code AccountDetailView} shows, in one transaction (one call
 * per render). Needs {@link AccountPermissions#READ}.
 */
@Service
public class AccountPageService {

    /** How many timeline entries a page shows. */
    public static final int HISTORY_ENTRIES = 50;

    private final AccountDetailsReader details;
    private final ChangeHistory history;
    private final UserDirectory users;

    AccountPageService(AccountDetailsReader details, ChangeHistory history, UserDirectory users) {
        this.details = details;
        this.history = history;
        this.users = users;
    }

    /** The account's page; "not found" ({@link AccountRuleException}) also for another tenant's id. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccountPermissions.READ)
    public AccountPage page(UUID id) {
        AccountDetails account = details.read(id);
        List<ChangeEntry> timeline = history.timeline(id, null, HISTORY_ENTRIES);
        return new AccountPage(account, timeline, users.namesOf(ownersIn(timeline)));
    }

    /** The owners a timeline's changes name, before and after (JSON strings of their ids). */
    private static List<UUID> ownersIn(List<ChangeEntry> timeline) {
        List<UUID> ids = new ArrayList<>();
        for (ChangeEntry entry : timeline) {
            for (FieldChange change : entry.changes()) {
                if ("owner_id".equals(change.column())) {
                    ids.add(uuid(change.before()));
                    ids.add(uuid(change.after()));
                }
            }
        }
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static UUID uuid(String json) {
        if (json == null || json.length() < 3 || json.charAt(0) != '"') {
            return null;
        }
        try {
            return UUID.fromString(json.substring(1, json.length() - 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

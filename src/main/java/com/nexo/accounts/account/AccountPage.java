package com.nexo.accounts.account;

import com.nexo.history.ChangeEntry;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an account's page shows, read at once ({@link AccountPageService#page}): the account with
 * its contacts and references ({@code details}), the newest entries of its timeline with the names of
 * who made them, and the names of the users its history refers to (owners before and after a change).
 */
public record AccountPage(AccountDetails details, List<ChangeEntry> history, Map<UUID, String> userNames) {

    public AccountPage {
        history = List.copyOf(history);
        userNames = Map.copyOf(userNames);
    }

    public UUID id() {
        return details.account().getId();
    }
}

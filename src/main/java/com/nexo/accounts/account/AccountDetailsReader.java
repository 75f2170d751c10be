package com.nexo.accounts.account;

import com.nexo.accounts.contacts.Contact;
import com.nexo.accounts.contacts.ContactRepository;
import com.nexo.security.UserDirectory;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads an account with its contacts, owner's name and references; inside the caller's transaction. */
@Component
class AccountDetailsReader {

    private final AccountRules rules;
    private final ContactRepository contacts;
    private final ReferringRecords referring;
    private final UserDirectory users;

    AccountDetailsReader(
            AccountRules rules, ContactRepository contacts, ReferringRecords referring, UserDirectory users) {
        this.rules = rules;
        this.contacts = contacts;
        this.referring = referring;
        this.users = users;
    }

    AccountDetails read(UUID id) {
        Account account = rules.find(id);
        String ownerName = account.getOwnerId() == null
                ? null
                : users.namesOf(List.of(account.getOwnerId())).get(account.getOwnerId());
        return new AccountDetails(
                account.toForm(),
                contacts.findByAccountIdOrderByPrimaryDescNameAsc(id).stream()
                        .map(Contact::toRow)
                        .toList(),
                ownerName,
                account.getMergedInto(),
                referring.count(id),
                account.getCreatedAt(),
                account.getUpdatedAt());
    }
}

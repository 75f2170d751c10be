package com.nexo.accounts.account;

import com.nexo.accounts.AccountReferences;
import com.nexo.security.PortalUsers;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Portal users (clients, suppliers, professionals) belong to an account, their party. The security
 * module cannot implement {@link AccountReferences} itself (accounts already depends on security), so
 * the accounts module counts and moves them through the security module's {@link PortalUsers}.
 */
@Component
class PortalUserReferences implements AccountReferences {

    private final PortalUsers users;

    PortalUserReferences(PortalUsers users) {
        this.users = users;
    }

    @Override
    public long count(UUID accountId) {
        return users.countOfParty(accountId);
    }

    @Override
    public Set<UUID> referred(Collection<UUID> accountIds) {
        return users.partiesWithUsers(accountIds);
    }

    @Override
    public void move(UUID from, UUID to) {
        users.moveParty(from, to);
    }
}

package com.nexo.accounts.account;

import com.nexo.accounts.AccountReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records that refer to an account: other modules' (each through its {@link AccountReferences})
 * and the accounts merged into it. An account with any is archived instead of deleted; a merge moves
 * them all to the survivor. Runs inside the calling service's transaction.
 */
@Component
public class ReferringRecords {

    private static final String COUNT_MERGED = "SELECT count(*) FROM account WHERE merged_into = :id";

    private static final String REFERRED_BY_MERGED =
            "SELECT DISTINCT merged_into FROM account WHERE merged_into = ANY (:ids)";

    private static final String MOVE_MERGED = "UPDATE account SET merged_into = :to WHERE merged_into = :from";

    private final List<AccountReferences> references;
    private final JdbcClient jdbc;

    ReferringRecords(List<AccountReferences> references, JdbcClient jdbc) {
        this.references = references;
        this.jdbc = jdbc;
    }

    /** How many records refer to the account. */
    public long count(UUID accountId) {
        long count = references.stream().mapToLong(r -> r.count(accountId)).sum();
        long merged =
                jdbc.sql(COUNT_MERGED).param("id", accountId).query(Long.class).single();
        return count + merged;
    }

    /** Which of these accounts records refer to (any of {@link #count(UUID)}'s), a few queries for all. */
    public Set<UUID> referred(Collection<UUID> accountIds) {
        Set<UUID> referred = new HashSet<>();
        if (accountIds.isEmpty()) {
            return referred;
        }
        for (AccountReferences reference : references) {
            referred.addAll(reference.referred(accountIds));
        }
        referred.addAll(jdbc.sql(REFERRED_BY_MERGED)
                .param("ids", accountIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
        return referred;
    }

    /** Makes every record that refers to {@code from} refer to {@code to}. */
    public void moveAll(UUID from, UUID to) {
        for (AccountReferences reference : references) {
            reference.move(from, to);
        }
        jdbc.sql(MOVE_MERGED).param("to", to).param("from", from).update();
    }
}

package com.nexo.accounts.account;

import com.nexo.accounts.AccountReferences;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records that refer to an account: other modules' (each through its {@link AccountReferences})
 * and the accounts merged into it. An account with any is archived instead of deleted; a merge moves
 * them all to the survivor. Runs inside the calling service's transaction.
 */
@Component
public class ReferringRecords {

    private final List<AccountReferences> references;
    private final JdbcTemplate jdbc;

    ReferringRecords(List<AccountReferences> references, JdbcTemplate jdbc) {
        this.references = references;
        this.jdbc = jdbc;
    }

    /** How many records refer to the account. */
    public long count(UUID accountId) {
        long count = references.stream().mapToLong(r -> r.count(accountId)).sum();
        Long merged = jdbc.queryForObject("SELECT count(*) FROM account WHERE merged_into = ?", Long.class, accountId);
        return count + (merged == null ? 0 : merged);
    }

    /** Makes every record that refers to {@code from} refer to {@code to}. */
    public void moveAll(UUID from, UUID to) {
        for (AccountReferences reference : references) {
            reference.move(from, to);
        }
        jdbc.update("UPDATE account SET merged_into = ? WHERE merged_into = ?", to, from);
    }
}

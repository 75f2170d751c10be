package com.nexo.sales.pricing;

import com.nexo.accounts.AccountReferences;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clients' terms follow their account. They are the account's settings, not records that refer to
 * it: they do not keep an account from being deleted (the database deletes them with it), so they
 * count as no reference. A merge moves the merged account's terms to the surviving account unless it
 * has terms of its own, which win.
 */
@Component
class ClientTermsReferences implements AccountReferences {

    private static final String MOVE = """
            UPDATE sales_client_terms SET account_id = :to, version = version + 1, updated_at = now()
             WHERE account_id = :from
               AND NOT EXISTS (SELECT FROM sales_client_terms kept WHERE kept.account_id = :to)
            """;

    private static final String DROP = "DELETE FROM sales_client_terms WHERE account_id = :from";

    private final JdbcClient jdbc;

    ClientTermsReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(UUID accountId) {
        return 0;
    }

    @Override
    public Set<UUID> referred(Collection<UUID> accountIds) {
        return Set.of();
    }

    @Override
    public void move(UUID from, UUID to) {
        jdbc.sql(MOVE).param("from", from).param("to", to).update();
        jdbc.sql(DROP).param("from", from).update();
    }
}

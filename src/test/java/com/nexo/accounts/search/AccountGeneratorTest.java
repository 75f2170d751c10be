package com.nexo.accounts.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.TaxIds;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The bulk generator, on a small scale: valid rows, codes from the counter, history and contacts. */
@NexoSpringTest
class AccountGeneratorTest {

    @Autowired
    private AccountGenerator generator;

    @Autowired
    private AccountService accounts;

    @Autowired
    private AccountListService lists;

    @Autowired
    private TenantService tenants;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void generated_accounts_are_valid_searchable_and_recorded_in_the_history_of_their_tenant_only() {
        UUID tenant = UUID.randomUUID();
        String code = "gen-" + tenant.toString().substring(0, 8);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        TenantContext.callAsSystem(tenant, null, () -> {
            tenants.createTenant(tenant, code, "Generada " + code, "es");
            assertThat(generator.generate(tenant, 1_200)).isEqualTo(1_200);
            String proposed = accounts.proposeCode();

            Map<String, Object> stats = transactions.execute(status -> jdbc.queryForMap(
                    "SELECT count(*) AS accounts, count(DISTINCT code) AS codes, max(code) AS last_code,"
                            + " (SELECT count(*) FROM contact) AS contacts,"
                            + " (SELECT count(*) FROM change_history WHERE operation = 'INSERT'"
                            + " AND table_name IN ('account', 'contact')) AS history,"
                            + " count(*) FILTER (WHERE archived) AS archived FROM account"));
            assertThat(stats.get("accounts")).isEqualTo(1_200L);
            assertThat(stats.get("codes")).isEqualTo(1_200L);
            assertThat(stats.get("last_code")).isEqualTo("001200");
            assertThat(proposed)
                    .as("the counter moved past the generated codes")
                    .isEqualTo("001201");
            assertThat((Long) stats.get("contacts")).isEqualTo(400L);
            assertThat(stats.get("history")).isEqualTo(1_600L);
            assertThat((Long) stats.get("archived")).as("about one in 40").isBetween(10L, 60L);

            List<String> spanishIds = transactions.execute(
                    status -> jdbc.queryForList("SELECT tax_id FROM account WHERE country = 'ES'", String.class));
            assertThat(spanishIds)
                    .hasSizeGreaterThan(1_000)
                    .allSatisfy(
                            id -> assertThat(TaxIds.isValidSpanish(id)).as(id).isTrue());
            assertThat(lists.quickSearch("fontaneria", 5)).isNotEmpty();
            return null;
        });
    }
}

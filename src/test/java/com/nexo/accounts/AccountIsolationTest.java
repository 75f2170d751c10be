package com.nexo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountDetails;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.DuplicateCandidate;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.merge.AccountMergeService;
import com.nexo.accounts.merge.MergeRequest;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.accounts.search.AccountRow;
import com.nexo.accounts.search.AccountSort;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Tenant B can neither read nor change tenant A's accounts, contacts or their history, even knowing
 * their ids: through the service (as B's administrator, who holds every accounts permission) and in
 * plain SQL as the application role. Portal actors see only their own account.
 */
@NexoSpringTest
class AccountIsolationTest {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final UUID SECOND_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000002");
    private static final UUID CLIENT_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000c1");
    private static final UUID SUPPLIER_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000d1");
    private static final String B_ADMIN = "admin@northwind.nexo";

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contactService;

    @Autowired
    private AccountListService lists;

    @Autowired
    private AccountMergeService merges;

    @Autowired
    private UserDetailsService userDetailsService;

    private String tag;
    private UUID accountOfA;
    private UUID contactOfA;
    private UUID accountOfB;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }

    @BeforeEach
    void anAccountWithAContactInEachTenant() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        accountOfA = as(AccountFixtures.SALES, () -> accounts.create(AccountFixtures.company("Secreta A " + tag)));
        contactOfA = as(
                AccountFixtures.SALES,
                () -> contactService.addContact(accountOfA, AccountFixtures.contact("Persona A " + tag, true)));
        accountOfB = as(B_ADMIN, () -> accounts.create(AccountFixtures.company("Account B " + tag)));
    }

    private void refusedAsNotFound(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AccountRuleException.class,
                        e -> assertThat(e.messageKey())
                                .isIn("accounts.error.not-found", "accounts.error.contact-not-found"));
    }

    @Test
    void tenant_b_cannot_read_a_accounts_contacts_or_history_through_the_service() {
        refusedAsNotFound(() -> as(B_ADMIN, () -> accounts.getForm(accountOfA)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> accounts.getDetails(accountOfA)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> contactService.contacts(accountOfA)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> contactService.getContact(contactOfA)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> accounts.history(accountOfA, null, 10)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> merges.previewMerge(accountOfB, accountOfA)));
        assertThat(as(B_ADMIN, () -> lists.quickSearch("Secreta A " + tag, 10))).isEmpty();
        assertThat(as(
                        B_ADMIN,
                        () -> lists.page(new AccountQuery(AccountFilter.search(tag), AccountSort.byName()), null, 50)
                                .rows()))
                .extracting(AccountRow::id)
                .containsExactly(accountOfB);
        AccountForm lookalike = AccountFixtures.company("Secreta A " + tag);
        assertThat(as(B_ADMIN, () -> accounts.findDuplicates(lookalike)))
                .extracting(DuplicateCandidate::id)
                .doesNotContain(accountOfA);
    }

    @Test
    void tenant_b_cannot_change_a_accounts_or_contacts_through_the_service() {
        AccountForm forged = AccountFixtures.company("Hijacked " + tag);
        forged.setId(accountOfA);
        forged.setVersion(0L);
        refusedAsNotFound(() -> as(B_ADMIN, () -> accounts.update(forged)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> {
            accounts.archive(accountOfA);
            return null;
        }));
        refusedAsNotFound(() -> as(B_ADMIN, () -> accounts.delete(accountOfA)));
        refusedAsNotFound(() ->
                as(B_ADMIN, () -> contactService.addContact(accountOfA, AccountFixtures.contact("X", true))));
        ContactForm forgedContact = AccountFixtures.contact("Hijacked", true);
        forgedContact.setId(contactOfA);
        forgedContact.setVersion(0L);
        refusedAsNotFound(() -> as(B_ADMIN, () -> contactService.updateContact(forgedContact)));
        refusedAsNotFound(() -> as(B_ADMIN, () -> {
            contactService.makePrimary(contactOfA);
            return null;
        }));
        refusedAsNotFound(() -> as(B_ADMIN, () -> {
            contactService.deleteContact(contactOfA);
            return null;
        }));
        refusedAsNotFound(() ->
                as(B_ADMIN, () -> merges.merge(new MergeRequest(accountOfB, 0, accountOfA, 0, Map.of(), true))));

        AccountDetails untouched = as(AccountFixtures.SALES, () -> accounts.getDetails(accountOfA));
        assertThat(untouched.account().getLegalName()).isEqualTo("Secreta A " + tag);
        assertThat(untouched.account().isArchived()).isFalse();
        assertThat(untouched.contacts()).extracting(ContactRow::name).containsExactly("Persona A " + tag);
    }

    @Test
    void in_plain_sql_tenant_b_sees_and_changes_none_of_a_rows_and_cannot_point_at_them() throws SQLException {
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            bind(db, SECOND_TENANT, "employee", null);
            assertThat(count(db, "SELECT count(*) FROM account WHERE id = ?", accountOfA))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM contact WHERE id = ?", contactOfA))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM change_history WHERE entity_id = ?", accountOfA))
                    .isZero();
            assertThat(update(db, "UPDATE account SET legal_name = 'x' WHERE id = ?", accountOfA))
                    .isZero();
            assertThat(update(db, "UPDATE contact SET name = 'x' WHERE id = ?", contactOfA))
                    .isZero();
            assertThat(update(db, "DELETE FROM contact WHERE id = ?", contactOfA))
                    .isZero();
            assertThat(update(db, "DELETE FROM account WHERE id = ?", accountOfA))
                    .isZero();
            // A contact of B pointing at A's account: the composite foreign key has no such (tenant, id).
            assertThatThrownBy(() -> update(
                            db,
                            "INSERT INTO contact (id, account_id, name) VALUES (gen_random_uuid(), ?, 'spy')",
                            accountOfA))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            db.rollback();
            bind(db, SECOND_TENANT, "employee", null);
            // Writing a row into A's tenant: refused by the policy's WITH CHECK.
            assertThatThrownBy(() -> update(
                            db,
                            "INSERT INTO account (id, tenant_id, code, kind, roles, legal_name)"
                                    + " VALUES (gen_random_uuid(), '" + DEMO_TENANT + "', 'spy-" + tag
                                    + "', 'ORGANIZATION', '{CLIENT}', 'spy') RETURNING 1",
                            null))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            db.rollback();
        }
        assertThat(as(AccountFixtures.SALES, () -> accounts.getForm(accountOfA).getVersion()))
                .isZero();
    }

    @Test
    void a_portal_client_sees_only_its_own_account_and_its_contacts_and_changes_nothing() throws SQLException {
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            bind(db, DEMO_TENANT, "client", CLIENT_PARTY);
            assertThat(ids(db, "SELECT id FROM account")).containsExactly(CLIENT_PARTY);
            assertThat(count(db, "SELECT count(*) FROM contact WHERE account_id <> ?", CLIENT_PARTY))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM contact", null)).isPositive();
            assertThat(count(db, "SELECT count(*) FROM account WHERE id = ?", SUPPLIER_PARTY))
                    .isZero();
            db.rollback();
            // Reading is all its role may do with accounts; the change history is not its to read.
            for (String refused : new String[] {
                "UPDATE account SET notes = 'x' WHERE id = '" + CLIENT_PARTY + "'",
                "SELECT count(*) FROM change_history"
            }) {
                bind(db, DEMO_TENANT, "client", CLIENT_PARTY);
                assertThatThrownBy(() -> count(db, refused, null))
                        .as(refused)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                db.rollback();
            }
        }
    }

    @Test
    void the_search_functions_return_ids_of_the_context_tenant_to_employees_and_system_work_only() throws SQLException {
        String search = "SELECT count(*) FROM nexo_account_search(ARRAY['secreta', '" + tag + "'], NULL, 100, 0.5)"
                + " WHERE id = ?";
        String duplicates = "SELECT count(*) FROM nexo_account_duplicates(NULL, NULL, NULL, 'Secreta A " + tag
                + "', NULL, 0.6) WHERE id = ?";
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            bind(db, DEMO_TENANT, "employee", null);
            assertThat(count(db, search, accountOfA))
                    .as("the owner's own tenant")
                    .isOne();
            assertThat(count(db, duplicates, accountOfA)).isOne();
            db.rollback();
            bind(db, SECOND_TENANT, "employee", null);
            assertThat(count(db, search, accountOfA)).as("another tenant").isZero();
            assertThat(count(db, duplicates, accountOfA)).isZero();
            db.rollback();
            // Only the staff role may call them: a portal actor and the login role alone are refused.
            for (String function : new String[] {search, duplicates}) {
                bind(db, DEMO_TENANT, "client", CLIENT_PARTY);
                assertThatThrownBy(() -> count(db, function, accountOfA))
                        .as("a portal actor")
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                db.rollback();
                assertThatThrownBy(() -> count(db, function, accountOfA))
                        .as("no context")
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                db.rollback();
            }
        }
    }

    @Test
    void the_name_words_for_typo_correction_stay_in_their_tenant() throws SQLException {
        String words = "SELECT count(*) FROM account_search_word WHERE word = 'secreta'";
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            bind(db, DEMO_TENANT, "employee", null);
            assertThat(count(db, words, null)).as("the owner's own tenant").isOne();
            db.rollback();
            bind(db, SECOND_TENANT, "employee", null);
            assertThat(count(db, words, null)).as("another tenant").isZero();
            db.rollback();
            bind(db, DEMO_TENANT, "client", CLIENT_PARTY);
            assertThatThrownBy(() -> count(db, words, null))
                    .as("a portal actor")
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            db.rollback();
        }
    }

    /** Binds the context and its actor's role as the application does. */
    private static void bind(Connection db, UUID tenant, String actorType, UUID party) throws SQLException {
        TestContexts.bind(db, new DatabaseContext(tenant, null, ActorType.fromDbValue(actorType), party));
    }

    private static long count(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (id != null) {
                statement.setObject(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<UUID> ids(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<UUID> found = new java.util.ArrayList<>();
            while (rows.next()) {
                found.add(rows.getObject(1, UUID.class));
            }
            return found;
        }
    }

    private static int update(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (id != null) {
                statement.setObject(1, id);
            }
            return statement.execute() ? 1 : statement.getUpdateCount();
        }
    }
}

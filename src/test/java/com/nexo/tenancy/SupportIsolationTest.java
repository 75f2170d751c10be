package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The request tables (V63) under row-level security, with raw JDBC as the application role, around
 * the services. One tenant holds a request of each of two client accounts, each with a message and an
 * attached file uploaded by its client; another tenant holds nothing. Then: the tenant's staff sees
 * both, another tenant's staff nothing; each client reads and changes only its own account's rows,
 * cannot open a request or write a message in another account's name or under another account's
 * request, cannot write as staff, and holds no grant beyond what the portal uses; a forged context
 * (another party, another tenant) reads and changes nothing; the supplier and professional roles hold
 * no grant on these tables at all.
 */
@com.nexo.testing.NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportIsolationTest {

    static final List<String> TABLES =
            List.of("support_request", "support_message", "support_attachment", "support_document");

    private TestTenant owner;
    private TestTenant other;
    /** A second client of the owner tenant, of another account. */
    private TestUser neighbour;

    private final UUID ownRequest = UUID.randomUUID();
    private final UUID neighbourRequest = UUID.randomUUID();

    @BeforeAll
    void twoAccountsWithARequestEach() throws SQLException {
        owner = newTenant();
        other = newTenant();
        neighbour = newUserData(ActorType.CLIENT, UUID.randomUUID());
        inTransaction(owner.asSystem(), db -> insertUser(db, neighbour));
        inTransaction(owner.asClient(), db -> openWithFile(db, ownRequest));
        inTransaction(neighbourContext(), db -> openWithFile(db, neighbourRequest));
    }

    /** What the portal does when a client opens a request with a file: through the client's role. */
    private static int openWithFile(Connection db, UUID request) throws SQLException {
        UUID message = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        update(db, """
                INSERT INTO support_request (id, subject, category, opened_by_name, opened_by_email, opened_by_lang)
                VALUES (?, 'Broken part', 'ORDER', 'Client', 'client@isolation.test', 'es')
                """, request);
        update(db, """
                INSERT INTO support_message (id, request_id, from_staff, author_name, body)
                VALUES (?, ?, false, 'Client', 'It arrived broken')
                """, message, request);
        update(db, """
                INSERT INTO stored_file (id, name, content_type, size, sha256, purpose)
                VALUES (?, 'photo.jpg', 'image/jpeg', 0, repeat('0', 64), 'support-attachment')
                """, file);
        update(db, """
                INSERT INTO support_attachment (id, request_id, message_id, file_id) VALUES (gen_random_uuid(), ?, ?, ?)
                """, request, message, file);
        // And a file of its own in the account's documents ("My files").
        UUID document = UUID.randomUUID();
        update(db, """
                INSERT INTO stored_file (id, name, content_type, size, sha256, purpose)
                VALUES (?, 'contract.pdf', 'application/pdf', 0, repeat('0', 64), 'support-document')
                """, document);
        return update(db, """
                INSERT INTO support_document (id, file_id, uploaded_by_name) VALUES (gen_random_uuid(), ?, 'Client')
                """, document);
    }

    private DatabaseContext neighbourContext() {
        return new DatabaseContext(owner.id(), neighbour.id(), ActorType.CLIENT, neighbour.partyId());
    }

    private static Set<UUID> requests(Connection db) throws SQLException {
        return ids(db, "SELECT id FROM support_request");
    }

    @Test
    void the_tenants_staff_sees_every_account_and_another_tenants_staff_nothing() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            assertThat(requests(db)).containsExactlyInAnyOrder(ownRequest, neighbourRequest);
            assertThat(count(db, "SELECT count(*) FROM support_message")).isEqualTo(2);
            assertThat(count(db, "SELECT count(*) FROM support_attachment")).isEqualTo(2);
            assertThat(count(db, "SELECT count(*) FROM support_document")).isEqualTo(2);
            // Staff reads the account's documents; only their client uploads or deletes them.
            assertRefusedByGrant(db, "support_document", "DELETE FROM support_document");
            return null;
        });
        inTransaction(other.asEmployee(), db -> {
            for (String table : TABLES) {
                assertThat(count(db, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(update(db, "UPDATE support_request SET state = 'CLOSED', closed_at = now()"))
                    .isZero();
            return null;
        });
    }

    @Test
    void another_tenants_staff_cannot_write_into_this_tenants_requests() {
        // The message names the owner tenant's request: under the other tenant it is another tenant's row.
        assertRefusedByPolicy(
                () -> inTransaction(
                        other.asEmployee(),
                        db -> update(
                                db, """
                        INSERT INTO support_message (id, tenant_id, request_id, party_id, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, ?, ?, true, 'Intruder', 'Hello')
                        """, owner.id(), ownRequest, owner.client().partyId())),
                "support_message");
    }

    @Test
    void a_client_reads_only_its_own_accounts_requests_messages_and_files() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            assertThat(requests(db)).containsExactly(ownRequest);
            assertThat(ids(db, "SELECT request_id FROM support_message")).containsExactly(ownRequest);
            assertThat(ids(db, "SELECT request_id FROM support_attachment")).containsExactly(ownRequest);
            assertThat(ids(db, "SELECT party_id FROM support_document"))
                    .containsExactly(owner.client().partyId());
            return null;
        });
        inTransaction(neighbourContext(), db -> {
            assertThat(requests(db)).containsExactly(neighbourRequest);
            return null;
        });
    }

    @Test
    void a_client_changes_only_its_own_requests_and_only_the_columns_the_portal_writes() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            assertThat(update(db, "UPDATE support_request SET unread_by_client = false, version = version + 1"))
                    .as("rows changed: its own request only")
                    .isEqualTo(1);
            assertThat(update(db, "UPDATE support_request SET unread_by_client = false WHERE id = ?", neighbourRequest))
                    .isZero();
            assertRefusedByGrant(
                    db,
                    "support_request",
                    "UPDATE support_request SET assigned_to = ?",
                    owner.client().id());
            assertRefusedByGrant(db, "support_request", "UPDATE support_request SET party_id = party_id");
            assertRefusedByGrant(db, "support_request", "DELETE FROM support_request");
            assertRefusedByGrant(db, "support_message", "UPDATE support_message SET body = 'changed'");
            assertRefusedByGrant(db, "support_message", "DELETE FROM support_message");
            assertRefusedByGrant(db, "support_attachment", "DELETE FROM support_attachment");
            return null;
        });
    }

    @Test
    void a_client_cannot_open_a_request_in_another_accounts_or_users_name() {
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_request (id, party_id, subject, category, opened_by_name, opened_by_email,
                                                     opened_by_lang)
                        VALUES (gen_random_uuid(), ?, 'Forged', 'OTHER', 'X', 'x@isolation.test', 'es')
                        """, neighbour.partyId())), "support_request");
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_request (id, opened_by, subject, category, opened_by_name, opened_by_email,
                                                     opened_by_lang)
                        VALUES (gen_random_uuid(), ?, 'Forged', 'OTHER', 'X', 'x@isolation.test', 'es')
                        """, neighbour.id())), "support_request");
        // Nor one that arrives already answered or assigned.
        assertRefusedByPolicy(() -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_request (id, state, subject, category, opened_by_name, opened_by_email,
                                                     opened_by_lang)
                        VALUES (gen_random_uuid(), 'ANSWERED', 'Forged', 'OTHER', 'X', 'x@isolation.test', 'es')
                        """)), "support_request");
    }

    @Test
    void a_client_writes_no_message_under_another_accounts_request_nor_as_staff() {
        // In its own account's name under the neighbour's request: the request and party do not match.
        assertThatThrownBy(() -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_message (id, request_id, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, false, 'Client', 'Hello')
                        """, neighbourRequest)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        // In the neighbour's name: refused by the policy.
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_message (id, request_id, party_id, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, ?, false, 'Client', 'Hello')
                        """, neighbourRequest, neighbour.partyId())),
                "support_message");
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_message (id, request_id, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, true, 'Our team', 'Forged answer')
                        """, ownRequest)), "support_message");
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_attachment (id, request_id, party_id, message_id, file_id)
                        SELECT gen_random_uuid(), ?, ?, gen_random_uuid(), gen_random_uuid()
                        """, neighbourRequest, neighbour.partyId())),
                "support_attachment");
    }

    @Test
    void a_client_deletes_only_documents_it_uploaded_and_adds_none_to_another_account() throws SQLException {
        TestUser colleague = newUserData(ActorType.CLIENT, owner.client().partyId());
        inTransaction(owner.asSystem(), db -> insertUser(db, colleague));
        DatabaseContext asColleague =
                new DatabaseContext(owner.id(), colleague.id(), ActorType.CLIENT, colleague.partyId());
        inTransaction(asColleague, db -> {
            assertThat(count(db, "SELECT count(*) FROM support_document"))
                    .as("its account's")
                    .isEqualTo(1);
            assertThat(update(db, "DELETE FROM support_document"))
                    .as("uploaded by someone else")
                    .isZero();
            return null;
        });
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_document (id, party_id, file_id, uploaded_by_name)
                        SELECT gen_random_uuid(), ?, gen_random_uuid(), 'Client'
                        """, neighbour.partyId())), "support_document");
        assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO support_document (id, uploaded_by, file_id, uploaded_by_name)
                        SELECT gen_random_uuid(), ?, gen_random_uuid(), 'Client'
                        """, colleague.id())), "support_document");
        inTransaction(neighbourContext(), db -> {
            assertThat(update(
                            db,
                            "DELETE FROM support_document WHERE party_id = ?",
                            owner.client().partyId()))
                    .isZero();
            return null;
        });
    }

    @Test
    void a_forged_party_or_tenant_reads_and_changes_nothing() throws SQLException {
        List<DatabaseContext> forged = List.of(
                new DatabaseContext(owner.id(), owner.client().id(), ActorType.CLIENT, UUID.randomUUID()),
                new DatabaseContext(
                        other.id(),
                        owner.client().id(),
                        ActorType.CLIENT,
                        owner.client().partyId()));
        for (DatabaseContext context : forged) {
            inTransaction(context, db -> {
                for (String table : TABLES) {
                    assertThat(count(db, "SELECT count(*) FROM " + table))
                            .as("%s as %s", table, context)
                            .isZero();
                }
                assertThat(update(db, "UPDATE support_request SET state = 'CLOSED', closed_at = now()"))
                        .isZero();
                return null;
            });
        }
    }

    @Test
    void suppliers_and_professionals_hold_no_grant_on_requests() throws SQLException {
        UUID party = owner.client().partyId();
        for (ActorType actor : List.of(ActorType.SUPPLIER, ActorType.PROFESSIONAL)) {
            inTransaction(new DatabaseContext(owner.id(), owner.client().id(), actor, party), db -> {
                for (String table : TABLES) {
                    assertRefusedByGrant(db, table, "SELECT count(*) FROM " + table);
                }
                return null;
            });
        }
    }
}

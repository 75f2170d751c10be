package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.ids;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.text;
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
 * The request tables (V63, V65) under row-level security, with raw JDBC as the application role,
 * around the services. One tenant holds a request of each of two client accounts, each with a message
 * and an attached file uploaded by its client, a request of a supplier contact of the first client's
 * own account (an account that is both client and supplier) and one of a professional of a third
 * account; another tenant holds nothing. Then: the tenant's staff sees all, another tenant's staff
 * nothing; each portal actor reads and changes only its own account's rows of its own kind (the client
 * and the supplier of one account do not read each other's requests), cannot open a request or write a
 * message in another account's or kind's name or under another's request, cannot write as staff, and
 * holds no grant beyond what the portal uses; a forged context (another party, another tenant) reads
 * and changes nothing; only clients have the account's documents.
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
    /** A supplier contact of the owner client's own account (the account is a client and a supplier). */
    private TestUser supplier;
    /** A professional of a third account. */
    private TestUser professional;

    private final UUID ownRequest = UUID.randomUUID();
    private final UUID neighbourRequest = UUID.randomUUID();
    private final UUID supplierRequest = UUID.randomUUID();
    private final UUID professionalRequest = UUID.randomUUID();

    @BeforeAll
    void twoAccountsWithARequestEach() throws SQLException {
        owner = newTenant();
        other = newTenant();
        neighbour = newUserData(ActorType.CLIENT, UUID.randomUUID());
        supplier = newUserData(ActorType.SUPPLIER, owner.client().partyId());
        professional = newUserData(ActorType.PROFESSIONAL, UUID.randomUUID());
        inTransaction(owner.asSystem(), db -> {
            insertUser(db, neighbour);
            insertUser(db, supplier);
            return insertUser(db, professional);
        });
        inTransaction(owner.asClient(), db -> openWithFile(db, ownRequest));
        inTransaction(neighbourContext(), db -> openWithFile(db, neighbourRequest));
        inTransaction(contextOf(supplier), db -> openRequestWithFile(db, supplierRequest));
        inTransaction(contextOf(professional), db -> openRequestWithFile(db, professionalRequest));
    }

    private DatabaseContext contextOf(TestUser user) {
        return new DatabaseContext(owner.id(), user.id(), user.actorType(), user.partyId());
    }

    /**
     * What the portal does when a client opens a request with a file, through the client's role, and
     * keeps a file in its account's documents.
     */
    private static int openWithFile(Connection db, UUID request) throws SQLException {
        openRequestWithFile(db, request);
        UUID document = UUID.randomUUID();
        update(db, """
                INSERT INTO stored_file (id, name, content_type, size, sha256, purpose)
                VALUES (?, 'contract.pdf', 'application/pdf', 0, repeat('0', 64), 'support-document')
                """, document);
        return update(db, """
                INSERT INTO support_document (id, file_id, uploaded_by_name) VALUES (gen_random_uuid(), ?, 'Client')
                """, document);
    }

    /**
     * What any portal does when its actor opens a request with a file, through the actor's role: the
     * requester, party and author come from the context.
     */
    private static int openRequestWithFile(Connection db, UUID request) throws SQLException {
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
        return update(db, """
                INSERT INTO support_attachment (id, request_id, message_id, file_id) VALUES (gen_random_uuid(), ?, ?, ?)
                """, request, message, file);
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
            assertThat(requests(db))
                    .containsExactlyInAnyOrder(ownRequest, neighbourRequest, supplierRequest, professionalRequest);
            assertThat(text(db, "SELECT requester FROM support_request WHERE id = ?", ownRequest))
                    .isEqualTo("CLIENT");
            assertThat(text(db, "SELECT requester FROM support_request WHERE id = ?", supplierRequest))
                    .isEqualTo("SUPPLIER");
            assertThat(text(db, "SELECT requester FROM support_request WHERE id = ?", professionalRequest))
                    .isEqualTo("PROFESSIONAL");
            assertThat(count(db, "SELECT count(*) FROM support_message")).isEqualTo(4);
            assertThat(count(db, "SELECT count(*) FROM support_attachment")).isEqualTo(4);
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
            // Not the request its account's supplier contact opened from the supplier portal either.
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
    void suppliers_and_professionals_read_only_their_own_accounts_requests_of_their_kind() throws SQLException {
        inTransaction(contextOf(supplier), db -> {
            // Its account is the owner client's: the client's request of that account stays out.
            assertThat(requests(db)).containsExactly(supplierRequest);
            assertThat(ids(db, "SELECT request_id FROM support_message")).containsExactly(supplierRequest);
            assertThat(ids(db, "SELECT request_id FROM support_attachment")).containsExactly(supplierRequest);
            return null;
        });
        inTransaction(contextOf(professional), db -> {
            assertThat(requests(db)).containsExactly(professionalRequest);
            assertThat(ids(db, "SELECT request_id FROM support_message")).containsExactly(professionalRequest);
            assertThat(ids(db, "SELECT request_id FROM support_attachment")).containsExactly(professionalRequest);
            return null;
        });
    }

    @Test
    void suppliers_and_professionals_change_only_their_own_requests_and_only_the_columns_the_portal_writes()
            throws SQLException {
        for (TestUser actor : List.of(supplier, professional)) {
            UUID own = actor == supplier ? supplierRequest : professionalRequest;
            inTransaction(contextOf(actor), db -> {
                assertThat(update(db, "UPDATE support_request SET unread_by_client = false, version = version + 1"))
                        .as("rows changed by %s: its own request only", actor.actorType())
                        .isEqualTo(1);
                for (UUID others : List.of(ownRequest, neighbourRequest, supplierRequest, professionalRequest)) {
                    if (!others.equals(own)) {
                        assertThat(update(
                                        db,
                                        "UPDATE support_request SET state = 'CLOSED', closed_at = now() WHERE id = ?",
                                        others))
                                .isZero();
                    }
                }
                assertRefusedByGrant(db, "support_request", "UPDATE support_request SET assigned_to = ?", actor.id());
                assertRefusedByGrant(db, "support_request", "UPDATE support_request SET requester = 'CLIENT'");
                assertRefusedByGrant(db, "support_request", "DELETE FROM support_request");
                assertRefusedByGrant(db, "support_message", "UPDATE support_message SET body = 'changed'");
                assertRefusedByGrant(db, "support_attachment", "DELETE FROM support_attachment");
                // The account's documents ("My files") are the client portal's only.
                assertRefusedByGrant(db, "support_document", "SELECT count(*) FROM support_document");
                return null;
            });
        }
    }

    @Test
    void a_supplier_opens_no_request_as_a_client_nor_in_another_accounts_name() {
        // Its account is also a client, but it opens requests as a supplier only.
        assertRefusedByPolicy(() -> inTransaction(contextOf(supplier), db -> update(db, """
                        INSERT INTO support_request (id, requester, subject, category, opened_by_name, opened_by_email,
                                                     opened_by_lang)
                        VALUES (gen_random_uuid(), 'CLIENT', 'Forged', 'OTHER', 'X', 'x@isolation.test', 'es')
                        """)), "support_request");
        assertRefusedByPolicy(
                () -> inTransaction(contextOf(supplier), db -> update(db, """
                        INSERT INTO support_request (id, party_id, subject, category, opened_by_name, opened_by_email,
                                                     opened_by_lang)
                        VALUES (gen_random_uuid(), ?, 'Forged', 'OTHER', 'X', 'x@isolation.test', 'es')
                        """, professional.partyId())),
                "support_request");
        assertRefusedByPolicy(
                () -> inTransaction(contextOf(professional), db -> update(db, """
                        INSERT INTO support_request (id, opened_by, subject, category, opened_by_name, opened_by_email,
                                                     opened_by_lang)
                        VALUES (gen_random_uuid(), ?, 'Forged', 'OTHER', 'X', 'x@isolation.test', 'es')
                        """, supplier.id())), "support_request");
    }

    @Test
    void a_supplier_or_professional_writes_no_message_under_anothers_request_nor_as_staff() {
        // Under the client's request of its own account, in its own kind: request and requester differ.
        assertThatThrownBy(() -> inTransaction(contextOf(supplier), db -> update(db, """
                        INSERT INTO support_message (id, request_id, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, false, 'Supplier', 'Hello')
                        """, ownRequest)))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23503"));
        // In the client's kind, to match that request: refused by the policy.
        assertRefusedByPolicy(
                () -> inTransaction(contextOf(supplier), db -> update(db, """
                        INSERT INTO support_message (id, request_id, requester, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, 'CLIENT', false, 'Supplier', 'Hello')
                        """, ownRequest)), "support_message");
        assertRefusedByPolicy(
                () -> inTransaction(
                        contextOf(professional), db -> update(db, """
                        INSERT INTO support_message (id, request_id, party_id, requester, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, ?, 'SUPPLIER', false, 'Professional', 'Hello')
                        """, supplierRequest, supplier.partyId())),
                "support_message");
        assertRefusedByPolicy(
                () -> inTransaction(contextOf(professional), db -> update(db, """
                        INSERT INTO support_message (id, request_id, from_staff, author_name, body)
                        VALUES (gen_random_uuid(), ?, true, 'Our team', 'Forged answer')
                        """, professionalRequest)),
                "support_message");
        assertRefusedByPolicy(
                () -> inTransaction(
                        contextOf(supplier), db -> update(db, """
                        INSERT INTO support_attachment (id, request_id, party_id, requester, message_id, file_id)
                        SELECT gen_random_uuid(), ?, ?, 'PROFESSIONAL', gen_random_uuid(), gen_random_uuid()
                        """, professionalRequest, professional.partyId())),
                "support_attachment");
    }

    @Test
    void a_forged_supplier_or_professional_context_reads_and_changes_nothing() throws SQLException {
        List<DatabaseContext> forged = List.of(
                new DatabaseContext(owner.id(), supplier.id(), ActorType.SUPPLIER, UUID.randomUUID()),
                new DatabaseContext(owner.id(), professional.id(), ActorType.PROFESSIONAL, UUID.randomUUID()),
                // The professional's user with the supplier's party: the party is right, the kind is not.
                new DatabaseContext(owner.id(), professional.id(), ActorType.PROFESSIONAL, supplier.partyId()),
                new DatabaseContext(other.id(), supplier.id(), ActorType.SUPPLIER, supplier.partyId()),
                new DatabaseContext(other.id(), professional.id(), ActorType.PROFESSIONAL, professional.partyId()));
        for (DatabaseContext context : forged) {
            inTransaction(context, db -> {
                for (String table : List.of("support_request", "support_message", "support_attachment")) {
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
}

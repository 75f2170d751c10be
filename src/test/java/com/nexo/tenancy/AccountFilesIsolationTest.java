package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByGrant;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.insertUser;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.newUserData;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.files.FileStorage;
import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.tenancy.IsolationSupport.TestUser;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files staff hands to an account (V58, {@code FileStorage.storeForAccount}): the file is written
 * through the application as the tenant's staff, for account A; then, with raw JDBC as the application
 * role, A's client reads it but changes and deletes nothing of it, a client of account B and a client
 * of another tenant see nothing of it. A portal user naming another account in storeForAccount is
 * refused by the database, and a portal user's own upload is deletable by that user only.
 */
@NexoSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFilesIsolationTest {

    private static final byte[] CONTENT = "offer for account A".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private FileStorage files;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private TestTenant owner;
    private TestTenant other;
    /** A client of the owner tenant, of another account (B). */
    private TestUser clientOfB;

    private UUID handed;

    @BeforeAll
    void staffHandsAFileToAccountA() throws SQLException {
        owner = newTenant();
        other = newTenant();
        clientOfB = newUserData(ActorType.CLIENT, UUID.randomUUID());
        inTransaction(owner.asSystem(), db -> insertUser(db, clientOfB));
        handed = through(
                owner.asEmployee(),
                () -> files.storeForAccount(
                                owner.client().partyId(),
                                "offer.txt",
                                "text/plain",
                                "account-files-test",
                                new ByteArrayInputStream(CONTENT),
                                1024)
                        .id());
    }

    /** Runs {@code work} through the application in one transaction bound to {@code context}. */
    private <T> T through(DatabaseContext context, IoWork<T> work) {
        return TenantContext.callAs(
                context,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    try {
                        return work.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T run() throws IOException;
    }

    private DatabaseContext asClientOfB() {
        return new DatabaseContext(owner.id(), clientOfB.id(), ActorType.CLIENT, clientOfB.partyId());
    }

    private static byte[] bytes(Connection db, UUID file) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PreparedStatement statement =
                db.prepareStatement("SELECT data FROM stored_file_chunk WHERE file_id = ? ORDER BY seq")) {
            statement.setObject(1, file);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.writeBytes(rows.getBytes(1));
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void the_file_belongs_to_account_a_and_was_written_by_staff() throws SQLException {
        inTransaction(owner.asEmployee(), db -> {
            assertThat(IsolationSupport.text(db, "SELECT party_id::text FROM stored_file WHERE id = ?", handed))
                    .isEqualTo(owner.client().partyId().toString());
            assertThat(IsolationSupport.text(db, "SELECT created_by::text FROM stored_file WHERE id = ?", handed))
                    .isEqualTo(owner.employee().id().toString());
            return null;
        });
    }

    @Test
    void the_client_of_a_reads_it_but_cannot_change_or_delete_it() throws SQLException {
        inTransaction(owner.asClient(), db -> {
            assertThat(count(db, "SELECT count(*) FROM stored_file WHERE id = ?", handed))
                    .isEqualTo(1);
            assertThat(bytes(db, handed)).isEqualTo(CONTENT);
            assertThat(update(db, "DELETE FROM stored_file_chunk WHERE file_id = ?", handed))
                    .isZero();
            assertThat(update(db, "DELETE FROM stored_file WHERE id = ?", handed))
                    .isZero();
            assertThat(update(db, "UPDATE stored_file SET size = 0 WHERE id = ?", handed))
                    .isZero();
            assertRefusedByGrant(db, "stored_file", "UPDATE stored_file SET name = 'changed' WHERE id = ?", handed);
            return null;
        });
        // Through the application as well: read, and a delete that removes nothing.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(through(owner.asClient(), () -> files.copyTo(handed, out))).isTrue();
        assertThat(out.toByteArray()).isEqualTo(CONTENT);
        assertThat(through(owner.asClient(), () -> files.delete(handed))).isFalse();
        inTransaction(owner.asEmployee(), db -> {
            assertThat(bytes(db, handed)).as("still whole").isEqualTo(CONTENT);
            assertThat(count(db, "SELECT size FROM stored_file WHERE id = ?", handed))
                    .isEqualTo(CONTENT.length);
            return null;
        });
    }

    @Test
    void a_client_of_another_account_or_tenant_sees_nothing_of_it() throws SQLException {
        for (DatabaseContext stranger : new DatabaseContext[] {
            asClientOfB(),
            other.asClient(),
            other.asEmployee(),
            // A forged context: A's client in the other tenant.
            new DatabaseContext(
                    other.id(),
                    owner.client().id(),
                    ActorType.CLIENT,
                    owner.client().partyId())
        }) {
            inTransaction(stranger, db -> {
                assertThat(count(db, "SELECT count(*) FROM stored_file WHERE id = ?", handed))
                        .as("file as %s", stranger)
                        .isZero();
                assertThat(count(db, "SELECT count(*) FROM stored_file_chunk WHERE file_id = ?", handed))
                        .as("bytes as %s", stranger)
                        .isZero();
                assertThat(update(db, "DELETE FROM stored_file WHERE id = ?", handed))
                        .isZero();
                return null;
            });
        }
    }

    @Test
    void a_portal_user_cannot_hand_a_file_to_another_account() {
        assertThatThrownBy(() -> through(
                        owner.asClient(),
                        () -> files.storeForAccount(
                                clientOfB.partyId(),
                                "forged.txt",
                                "text/plain",
                                "account-files-test",
                                new ByteArrayInputStream(CONTENT),
                                1024)))
                .rootCause()
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(IsolationSupport.INSUFFICIENT_PRIVILEGE);
                    assertThat(e.getMessage()).contains("row-level security policy for table \"stored_file\"");
                });
        // Nor with raw SQL naming the other account.
        IsolationSupport.assertRefusedByPolicy(
                () -> inTransaction(owner.asClient(), db -> update(db, """
                        INSERT INTO stored_file (id, name, content_type, size, sha256, purpose, party_id)
                        VALUES (gen_random_uuid(), 'forged.txt', 'text/plain', 0, repeat('0', 64),
                                'account-files-test', ?)
                        """, clientOfB.partyId())), "stored_file");
    }

    @Test
    void a_portal_users_own_upload_is_deleted_by_itself_only() throws SQLException {
        UUID own = through(
                owner.asClient(),
                () -> files.store(
                                "mine.txt", "text/plain", "account-files-test", new ByteArrayInputStream(CONTENT), 1024)
                        .id());
        TestUser colleague = newUserData(ActorType.CLIENT, owner.client().partyId());
        inTransaction(owner.asSystem(), db -> insertUser(db, colleague));
        inTransaction(new DatabaseContext(owner.id(), colleague.id(), ActorType.CLIENT, colleague.partyId()), db -> {
            assertThat(count(db, "SELECT count(*) FROM stored_file WHERE id = ?", own))
                    .as("its account's file")
                    .isEqualTo(1);
            assertThat(update(db, "DELETE FROM stored_file WHERE id = ?", own))
                    .as("uploaded by a colleague")
                    .isZero();
            return null;
        });
        inTransaction(asClientOfB(), db -> {
            assertThat(update(db, "DELETE FROM stored_file WHERE id = ?", own)).isZero();
            return null;
        });
        inTransaction(owner.asClient(), db -> {
            assertThat(update(db, "DELETE FROM stored_file_chunk WHERE file_id = ?", own))
                    .isEqualTo(1);
            assertThat(update(db, "DELETE FROM stored_file WHERE id = ?", own)).isEqualTo(1);
            return null;
        });
        inTransaction(owner.asEmployee(), db -> {
            assertThat(count(db, "SELECT count(*) FROM stored_file WHERE id = ?", own))
                    .isZero();
            return null;
        });
    }
}

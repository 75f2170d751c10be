package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.assertRefusedByPolicy;
import static com.nexo.tenancy.IsolationSupport.count;
import static com.nexo.tenancy.IsolationSupport.inTransaction;
import static com.nexo.tenancy.IsolationSupport.newTenant;
import static com.nexo.tenancy.IsolationSupport.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.files.FileStorage;
import com.nexo.base.files.StoredFile;
import com.nexo.tenancy.IsolationSupport.TestTenant;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portal uploads (V58): a client stores a file through {@link FileStorage} in its own portal context
 * and reads it back; the file belongs to its account. Another party's portal context of the same
 * tenant and any context of another tenant neither see it nor delete it nor add bytes to it; its
 * tenant's staff sees it. Checked through the storage and around it, as the application's role.
 */
@NexoSpringTest
class PortalUploadsIsolationTest {

    private static final byte[] CONTENT = "albarán firmado".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private FileStorage storage;

    @Autowired
    private PlatformTransactionManager transactions;

    private TestTenant a;
    private TestTenant b;
    private UUID file;

    @BeforeEach
    void aClientUploadsAFile() {
        try {
            a = newTenant();
            b = newTenant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        file = as(a.asClient(), () -> {
                    try {
                        return storage.store(
                                "albaran.txt", "text/plain", "portal-upload", new ByteArrayInputStream(CONTENT), 1024);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .id();
    }

    @Test
    void the_client_reads_its_upload_back_and_it_belongs_to_its_account() throws SQLException {
        assertThat(as(a.asClient(), () -> storage.find(file)).map(StoredFile::name))
                .contains("albaran.txt");
        assertThat(as(a.asClient(), () -> bytes(file))).isEqualTo(CONTENT);
        inTransaction(a.asEmployee(), db -> {
            assertThat(IsolationSupport.text(db, "SELECT party_id::text FROM stored_file WHERE id = ?", file))
                    .isEqualTo(a.client().partyId().toString());
            return null;
        });
    }

    @Test
    void another_party_and_another_tenant_see_nothing_and_cannot_delete_it_or_add_bytes() throws SQLException {
        DatabaseContext otherParty =
                new DatabaseContext(a.id(), UUID.randomUUID(), ActorType.CLIENT, UUID.randomUUID());
        DatabaseContext supplierOfOtherParty =
                new DatabaseContext(a.id(), UUID.randomUUID(), ActorType.SUPPLIER, UUID.randomUUID());
        for (DatabaseContext stranger :
                new DatabaseContext[] {otherParty, supplierOfOtherParty, b.asClient(), b.asEmployee()}) {
            assertThat(as(stranger, () -> storage.find(file)))
                    .as("%s", stranger)
                    .isEmpty();
            assertThat(as(stranger, () -> bytes(file))).as("%s", stranger).isNull();
            assertThat(as(stranger, () -> storage.delete(file)))
                    .as("%s", stranger)
                    .isFalse();
            inTransaction(stranger, db -> {
                assertThat(count(db, "SELECT count(*) FROM stored_file WHERE id = ?", file))
                        .isZero();
                assertThat(count(db, "SELECT count(*) FROM stored_file_chunk WHERE file_id = ?", file))
                        .isZero();
                assertThat(update(db, "DELETE FROM stored_file_chunk WHERE file_id = ?", file))
                        .isZero();
                return null;
            });
        }
        assertRefusedByPolicy(
                () -> inTransaction(
                        otherParty,
                        db -> update(
                                db,
                                "INSERT INTO stored_file_chunk (file_id, seq, data) VALUES (?, 99, '\\x00'::bytea)",
                                file)),
                "stored_file_chunk");
        // Still there, whole, for its owner.
        assertThat(as(a.asClient(), () -> bytes(file))).isEqualTo(CONTENT);
    }

    @Test
    void the_client_deletes_its_own_upload_but_neither_a_file_staff_handed_it_nor_another_users() throws SQLException {
        UUID handed = as(a.asEmployee(), () -> {
                    try {
                        return storage.storeForAccount(
                                a.client().partyId(),
                                "condiciones.txt",
                                "text/plain",
                                "portal-upload",
                                new ByteArrayInputStream(CONTENT),
                                1024);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .id();
        DatabaseContext colleague = new DatabaseContext(
                a.id(), UUID.randomUUID(), ActorType.CLIENT, a.client().partyId());
        assertThat(as(colleague, () -> storage.find(file)))
                .as("a colleague of the same account reads the upload")
                .isPresent();
        assertThat(as(colleague, () -> storage.deleteOwnUpload(file)))
                .as("but does not delete it")
                .isFalse();
        assertThat(as(a.asClient(), () -> storage.deleteOwnUpload(handed)))
                .as("staff's file")
                .isFalse();
        // Around the storage: the policy leaves the client no row of staff's file to delete.
        inTransaction(a.asClient(), db -> {
            assertThat(count(db, "SELECT count(*) FROM stored_file WHERE id = ?", handed))
                    .isOne();
            assertThat(update(db, "DELETE FROM stored_file WHERE id = ?", handed))
                    .isZero();
            assertThat(update(db, "DELETE FROM stored_file_chunk WHERE file_id = ?", handed))
                    .isZero();
            return null;
        });
        assertThat(as(a.asClient(), () -> storage.deleteOwnUpload(file))).isTrue();
        assertThat(as(a.asEmployee(), () -> storage.find(file))).isEmpty();
        assertThat(as(a.asEmployee(), () -> bytes(handed))).isEqualTo(CONTENT);
    }

    @Test
    void the_tenants_staff_sees_the_upload() {
        assertThat(as(a.asEmployee(), () -> storage.find(file))).isPresent();
        assertThat(as(a.asEmployee(), () -> bytes(file))).isEqualTo(CONTENT);
    }

    /** The file's bytes as the current context reads them; null when it may not read the file. */
    private byte[] bytes(UUID id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            return storage.copyTo(id, out) ? out.toByteArray() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T as(DatabaseContext context, Supplier<T> work) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return TenantContext.callAs(context, () -> transaction.execute(status -> work.get()));
    }
}

package com.nexo.production.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.files.FileStorage;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.portal.PortalFixtures;
import com.nexo.production.portal.PortalFixtures.Assigned;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A professional deletes a document it uploaded to its own job, as a real professional under its own
 * row-level security: the link and the bytes go, the back office no longer sees it. A document an
 * employee stored for the professional's account and tied to the same job is refused and stays, and so
 * is anything of another professional; employees do not delete through the portal's method.
 */
@NexoSpringTest
class TaskFilesDeleteTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private TaskFiles files;

    @Autowired
    private FileStorage storage;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private PortalFixtures me;

    @BeforeEach
    void aProfessional() {
        me = new PortalFixtures(context, "Fontanera");
    }

    @Test
    void a_professional_deletes_its_own_document_but_not_one_an_employee_tied_to_its_job() {
        Assigned job = me.job("2");
        UUID own = asMe(() -> files.attach(job.task(), "parte.pdf", "application/pdf", bytes("%PDF-1.4 parte")))
                .fileId();
        UUID handed = asAdmin(() -> inTransaction(() -> {
            UUID id = store(() -> storage.storeForAccount(
                            me.account, "plano.pdf", "application/pdf", TaskFiles.PURPOSE, bytes("%PDF-1.4 p"), 1024)
                    .id());
            jdbc.sql("INSERT INTO production_task_file (id, task_id, file_id, party_id)"
                            + " VALUES (gen_random_uuid(), :task, :file, :party)")
                    .param("task", job.task())
                    .param("file", id)
                    .param("party", me.account)
                    .update();
            return id;
        }));
        assertThat(asMe(() -> files.filesOf(job.task())))
                .extracting(TaskFile::fileId, TaskFile::mine)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(own, true),
                        org.assertj.core.groups.Tuple.tuple(handed, false));

        assertRule(() -> asMe(() -> files.detach(job.task(), handed)), "portal.professional.error.file-not-yours");
        assertRule(
                () -> asMe(() -> files.detach(job.task(), UUID.randomUUID())),
                "portal.professional.error.file-not-found");
        PortalFixtures other = new PortalFixtures(context, "Electricista");
        assertRule(
                () -> other.work.as(other.email, () -> files.detach(job.task(), own)),
                "portal.professional.error.file-not-found");
        assertThatThrownBy(() -> asAdmin(() -> {
                    files.detach(job.task(), own);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);

        asMe(() -> files.detach(job.task(), own));
        assertThat(asAdmin(() -> files.filesOf(job.task())))
                .as("the back office sees the employee's document only")
                .extracting(TaskFile::fileId)
                .containsExactly(handed);
        assertThat(asAdmin(() -> inTransaction(() -> storage.find(own))))
                .as("the bytes are gone too")
                .isEmpty();
    }

    private <T> T asMe(Supplier<T> action) {
        return me.work.as(me.email, action);
    }

    private void asMe(Runnable action) {
        me.work.as(me.email, action);
    }

    private <T> T asAdmin(Supplier<T> action) {
        return me.work.as(WorkFixtures.ADMIN, action);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private interface IoCall<T> {
        T run() throws IOException;
    }

    private static <T> T store(IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRule(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}

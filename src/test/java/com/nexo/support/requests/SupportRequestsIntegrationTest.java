package com.nexo.support.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.files.FileStorage;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.mail.PublicLinks;
import com.nexo.security.NexoUser;
import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import com.nexo.support.SupportRuleException;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests through the services, as the demo tenant's users: the client opens one with a file, the
 * sales team answers it, the client reads (the answer is then read), replies and closes it; stale
 * versions, closed requests and bad input are refused with their message keys; the back office's
 * methods refuse a client and an employee without the permission; the mails speak the right language.
 */
@NexoSpringTest
class SupportRequestsIntegrationTest {

    private static final String CLIENT = "cliente@demo.nexo";
    private static final String SALES = "ventas@demo.nexo";
    private static final String SUPPLIER = "proveedor@demo.nexo";
    private static final String PROFESSIONAL = "profesional@demo.nexo";

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PortalRequests client;

    @Autowired
    private RequestDesk desk;

    @Autowired
    private SupportMails mails;

    @Autowired
    private PublicLinks links;

    @Autowired
    private AccountDocuments documents;

    @Autowired
    private FileStorage files;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    private UUID openWithFile(String subject, String fileText) throws IOException {
        Path file = Files.createTempFile("support-test", ".txt");
        Files.writeString(file, fileText);
        try {
            return as(
                    CLIENT,
                    () -> client.open(
                            new NewRequest(subject, RequestCategory.DELIVERY, "The pallet arrived broken."),
                            List.of(new NewFile("note.txt", "text/plain", file))));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_request_goes_from_the_client_to_the_back_office_and_back() throws IOException {
        String subject = "Broken pallet " + UUID.randomUUID();
        UUID id = openWithFile(subject, "photo of the pallet");

        RequestRow listed = as(CLIENT, () -> client.page(RequestState.OPEN, null, 50)).rows().stream()
                .filter(row -> row.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.subject()).isEqualTo(subject);
        assertThat(listed.unreadByClient()).isFalse();

        RequestDetail seen = as(SALES, () -> desk.read(id));
        assertThat(seen.accountName()).isNotBlank();
        assertThat(seen.messages()).singleElement().satisfies(message -> {
            assertThat(message.fromStaff()).isFalse();
            assertThat(message.files())
                    .singleElement()
                    .extracting(RequestDetail.Attachment::name)
                    .isEqualTo("note.txt");
        });
        UUID fileId = seen.messages().getFirst().files().getFirst().fileId();
        assertThat(download(SALES, id, fileId, true)).isEqualTo("photo of the pallet");
        assertThat(as(SALES, () -> desk.page(new RequestFilter(null, null, seen.partyId(), subject), null, 10))
                        .rows())
                .extracting(RequestRow::id)
                .containsExactly(id);

        long unreadBefore = as(CLIENT, client::unreadAnswers);
        as(SALES, () -> {
            desk.answer(id, seen.version(), "We send a new one tomorrow.", List.of());
            return null;
        });
        assertThat(as(CLIENT, client::unreadAnswers)).isEqualTo(unreadBefore + 1);

        RequestDetail answered = as(CLIENT, () -> client.read(id));
        assertThat(answered.state()).isEqualTo(RequestState.ANSWERED);
        assertThat(answered.messages())
                .extracting(RequestDetail.Message::fromStaff)
                .containsExactly(false, true);
        assertThat(as(CLIENT, client::unreadAnswers)).isEqualTo(unreadBefore);
        assertThat(download(CLIENT, id, fileId, true)).isEqualTo("photo of the pallet");

        as(CLIENT, () -> {
            client.reply(id, "Thanks!", List.of());
            return null;
        });
        RequestDetail replied = as(SALES, () -> desk.read(id));
        assertThat(replied.state()).isEqualTo(RequestState.OPEN);
        // The answer written on the version read before the client's reply is refused.
        assertThatThrownBy(() -> as(SALES, () -> {
                    desk.answer(id, answered.version(), "Late", List.of());
                    return null;
                }))
                .isInstanceOfSatisfying(
                        SupportRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.concurrent-edit"));

        as(CLIENT, () -> {
            client.close(id, replied.version());
            return null;
        });
        assertThat(as(SALES, () -> desk.read(id)).state()).isEqualTo(RequestState.CLOSED);
        assertThatThrownBy(() -> as(CLIENT, () -> {
                    client.reply(id, "One more thing", List.of());
                    return null;
                }))
                .isInstanceOfSatisfying(
                        SupportRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("support.error.closed"));
    }

    @Test
    void a_staff_answer_hands_its_file_to_the_client_who_downloads_but_cannot_delete_it() throws IOException {
        UUID id = as(
                CLIENT,
                () -> client.open(
                        new NewRequest("Offer " + UUID.randomUUID(), RequestCategory.QUESTION, "Price for 200 boxes?"),
                        List.of()));
        Path file = Files.createTempFile("support-test", ".txt");
        Files.writeString(file, "offer: 200 boxes at 1.10");
        try {
            as(SALES, () -> {
                desk.answer(
                        id,
                        desk.read(id).version(),
                        "Our offer is attached.",
                        List.of(new NewFile("offer.txt", "text/plain", file)));
                return null;
            });
        } finally {
            Files.deleteIfExists(file);
        }

        RequestDetail.Message answer =
                as(CLIENT, () -> client.read(id)).messages().getLast();
        assertThat(answer.fromStaff()).isTrue();
        assertThat(answer.files())
                .singleElement()
                .extracting(RequestDetail.Attachment::name)
                .isEqualTo("offer.txt");
        UUID fileId = answer.files().getFirst().fileId();
        assertThat(download(CLIENT, id, fileId, true)).isEqualTo("offer: 200 boxes at 1.10");

        // The client's database role neither deletes nor changes it, through base or around it.
        assertThat(as(CLIENT, () -> inTransaction(() -> files.delete(fileId)))).isFalse();
        assertThat(as(
                        CLIENT,
                        () -> inTransaction(() -> jdbc.sql("DELETE FROM stored_file_chunk WHERE file_id = :id")
                                .param("id", fileId)
                                .update())))
                .isZero();
        assertThat(as(
                        CLIENT,
                        () -> inTransaction(() -> jdbc.sql("UPDATE stored_file SET size = 0 WHERE id = :id")
                                .param("id", fileId)
                                .update())))
                .isZero();
        assertThat(download(CLIENT, id, fileId, true)).isEqualTo("offer: 200 boxes at 1.10");

        // A client of another account of the same tenant sees neither the request nor the file.
        NexoUser me = (NexoUser) users.loadUserByUsername(CLIENT);
        NexoUser stranger = new NexoUser(
                UUID.randomUUID(),
                me.tenantId(),
                "stranger@isolation.test",
                "Stranger",
                ActorType.CLIENT,
                UUID.randomUUID(),
                true,
                me.locale(),
                Set.of(),
                0,
                null,
                null);
        assertThatThrownBy(() -> LoggedIn.asPrincipal(stranger, () -> client.read(id)))
                .isInstanceOfSatisfying(
                        SupportRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("support.error.not-found"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LoggedIn.asPrincipal(stranger, () -> {
                    try {
                        return client.download(id, fileId, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .isFalse();
        assertThat(LoggedIn.asPrincipal(stranger, () -> inTransaction(() -> files.find(fileId))))
                .isEmpty();
        assertThat(out.size()).isZero();
    }

    @Test
    void an_answer_with_too_many_files_is_refused_and_nothing_is_answered() {
        UUID id = openWithoutFile();
        RequestDetail before = as(SALES, () -> desk.read(id));
        List<NewFile> six = java.util.Collections.nCopies(
                PortalRequests.MAX_FILES + 1, new NewFile("a.txt", "text/plain", Path.of("does-not-matter")));
        assertThatThrownBy(() -> as(SALES, () -> {
                    desk.answer(id, before.version(), "Six files", six);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        SupportRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("support.error.too-many-files"));
        assertThat(as(SALES, () -> desk.read(id)).messages()).hasSize(1);
    }

    private UUID openWithoutFile() {
        return as(
                CLIENT,
                () -> client.open(
                        new NewRequest("Plain " + UUID.randomUUID(), RequestCategory.OTHER, "A question."), List.of()));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    @Test
    void a_client_keeps_files_in_its_documents_which_the_back_office_reads_per_account() throws IOException {
        Path file = Files.createTempFile("support-test", ".txt");
        Files.writeString(file, "delivery note");
        UUID id;
        try {
            id = as(CLIENT, () -> documents.upload(new NewFile("albaran.txt", "text/plain", file)));
        } finally {
            Files.deleteIfExists(file);
        }
        DocumentRow mine = as(CLIENT, () -> documents.mine(null, 50)).rows().stream()
                .filter(row -> row.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(mine.name()).isEqualTo("albaran.txt");
        assertThat(mine.mine()).isTrue();

        UUID request = openWithFile("Docs " + UUID.randomUUID(), "x");
        UUID account = as(SALES, () -> desk.read(request).partyId());
        assertThat(as(SALES, () -> documents.ofAccount(account, null, 50)).rows())
                .extracting(DocumentRow::id)
                .contains(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(as(SALES, () -> {
                    try {
                        return documents.download(id, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("delivery note");
        assertThatThrownBy(() -> as(SALES, () -> {
                    documents.delete(id);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);

        as(CLIENT, () -> {
            documents.delete(id);
            return null;
        });
        assertThat(as(SALES, () -> documents.ofAccount(account, null, 50)).rows())
                .extracting(DocumentRow::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> as(CLIENT, () -> {
                    documents.delete(id);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        SupportRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("support.error.file-not-yours"));
    }

    @Test
    void bad_input_is_refused_on_its_field_and_nothing_is_opened() {
        assertThatThrownBy(() ->
                        as(CLIENT, () -> client.open(new NewRequest("  ", RequestCategory.OTHER, "Text"), List.of())))
                .isInstanceOfSatisfying(SupportRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("subject");
                    assertThat(e.messageKey()).isEqualTo("support.error.subject-required");
                });
        assertThatThrownBy(() ->
                        as(CLIENT, () -> client.open(new NewRequest("Subject", RequestCategory.OTHER, ""), List.of())))
                .isInstanceOfSatisfying(
                        SupportRuleException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> as(CLIENT, () -> client.read(UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        SupportRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("support.error.not-found"));
    }

    @Test
    void a_file_not_attached_to_the_request_is_not_served() throws IOException {
        UUID id = openWithFile("Files " + UUID.randomUUID(), "content");
        assertThat(download(SALES, id, UUID.randomUUID(), false)).isEmpty();
    }

    @Test
    void the_back_office_methods_refuse_clients_and_employees_without_the_permission() {
        assertThatThrownBy(() -> as(CLIENT, () -> desk.page(RequestFilter.all(), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("produccion@demo.nexo", () -> desk.page(RequestFilter.all(), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(SALES, () -> client.page(null, null, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("consulta@demo.nexo", () -> {
                    desk.close(UUID.randomUUID(), 0);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_supplier_and_a_professional_open_requests_of_their_kind_about_what_is_offered_to_them() {
        assertThatThrownBy(() -> as(
                        PROFESSIONAL,
                        () -> client.open(
                                new NewRequest("Boxes " + UUID.randomUUID(), RequestCategory.DELIVERY, "Where?"),
                                List.of())))
                .isInstanceOfSatisfying(SupportRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("category");
                    assertThat(e.messageKey()).isEqualTo("support.error.category-not-offered");
                });
        assertThat(as(PROFESSIONAL, client::categories)).contains(RequestCategory.JOB);
        assertThat(as(SUPPLIER, client::categories)).contains(RequestCategory.PAYMENT);
        assertThat(as(CLIENT, client::categories)).doesNotContain(RequestCategory.JOB, RequestCategory.PAYMENT);

        String subject = "Unpaid bill " + UUID.randomUUID();
        UUID id = as(
                SUPPLIER,
                () -> client.open(new NewRequest(subject, RequestCategory.PAYMENT, "Bill 118 is due."), List.of()));
        RequestDetail seen = as(SALES, () -> desk.read(id));
        assertThat(seen.requester()).isEqualTo(Requester.SUPPLIER);
        assertThat(seen.accountName()).startsWith("Aceros del Norte");
        assertThat(as(SALES, () -> desk.page(new RequestFilter(null, Requester.SUPPLIER, null, subject), null, 10))
                        .rows())
                .extracting(RequestRow::id)
                .containsExactly(id);
        assertThat(as(SALES, () -> desk.page(new RequestFilter(null, Requester.CLIENT, null, subject), null, 10))
                        .rows())
                .isEmpty();
        long unread = as(SUPPLIER, client::unreadAnswers);
        as(SALES, () -> {
            desk.answer(id, seen.version(), "Paid today.", List.of());
            return null;
        });
        assertThat(as(SUPPLIER, client::unreadAnswers)).isEqualTo(unread + 1);
        assertThat(as(SUPPLIER, () -> client.read(id)).messages())
                .extracting(RequestDetail.Message::body)
                .containsExactly("Bill 118 is due.", "Paid today.");

        // Neither the client nor the professional portal reaches it.
        for (String other : List.of(CLIENT, PROFESSIONAL)) {
            assertThatThrownBy(() -> as(other, () -> client.read(id)))
                    .isInstanceOfSatisfying(
                            SupportRuleException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("support.error.not-found"));
        }
    }

    @Test
    void the_requester_is_mailed_in_its_language_and_the_company_in_both_each_with_the_link_to_the_request() {
        UUID request = UUID.randomUUID();
        OutgoingMail english = mails.answeredMail(new RequestAnswered(
                UUID.randomUUID(), UUID.randomUUID(), request, "Broken pallet", "c@example.com", "en", "Sergio"));
        assertThat(english.to()).containsExactly("c@example.com");
        assertThat(english.subject()).isEqualTo("Your request \"Broken pallet\" has an answer");
        assertThat(english.text()).contains(links.to("portal/requests/" + request));
        OutgoingMail spanish = mails.answeredMail(new RequestAnswered(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Palé roto", "c@example.com", "es", "Sergio"));
        assertThat(spanish.subject()).isEqualTo("Tu solicitud \"Palé roto\" tiene respuesta");
        assertThat(spanish.text()).contains("Sergio");

        OutgoingMail company = mails.openedMail(
                new RequestOpened(
                        UUID.randomUUID(), UUID.randomUUID(), request, "Palé roto", "Carmen", Requester.CLIENT),
                "info@example.com");
        assertThat(company.to()).containsExactly("info@example.com");
        assertThat(company.subject()).isEqualTo("Nueva solicitud (Cliente): Palé roto");
        assertThat(company.text())
                .contains("ha abierto la solicitud", "has opened the request", "Carmen (Cliente)", "Carmen (Client)")
                .contains(links.to("support/requests/" + request))
                .doesNotContain("portal/requests");
    }

    private String download(String email, UUID request, UUID file, boolean expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean written = as(email, () -> {
            try {
                return email.equals(CLIENT) ? client.download(request, file, out) : desk.download(request, file, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(written).isEqualTo(expected);
        return out.toString(StandardCharsets.UTF_8);
    }
}

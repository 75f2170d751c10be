package com.nexo.support.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.mail.OutgoingMail;
import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.SupportRuleException;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

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

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ClientRequests client;

    @Autowired
    private RequestDesk desk;

    @Autowired
    private SupportMails mails;

    @Autowired
    private AccountDocuments documents;

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
        assertThat(as(SALES, () -> desk.page(new RequestFilter(null, seen.partyId(), subject), null, 10))
                        .rows())
                .extracting(RequestRow::id)
                .containsExactly(id);

        long unreadBefore = as(CLIENT, client::unreadAnswers);
        as(SALES, () -> {
            desk.answer(id, seen.version(), "We send a new one tomorrow.");
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
                    desk.answer(id, answered.version(), "Late");
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
    void the_client_is_mailed_in_its_language_and_the_company_in_both() {
        OutgoingMail english = mails.answeredMail(new RequestAnswered(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Broken pallet",
                "c@example.com",
                "en",
                "Sergio"));
        assertThat(english.to()).containsExactly("c@example.com");
        assertThat(english.subject()).isEqualTo("Your request \"Broken pallet\" has an answer");
        OutgoingMail spanish = mails.answeredMail(new RequestAnswered(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Palé roto", "c@example.com", "es", "Sergio"));
        assertThat(spanish.subject()).isEqualTo("Tu solicitud \"Palé roto\" tiene respuesta");
        assertThat(spanish.text()).contains("Sergio");

        OutgoingMail company = mails.openedMail(
                new RequestOpened(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Palé roto", "Carmen"),
                "info@example.com");
        assertThat(company.to()).containsExactly("info@example.com");
        assertThat(company.text()).contains("ha abierto la solicitud", "has opened the request", "Carmen");
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

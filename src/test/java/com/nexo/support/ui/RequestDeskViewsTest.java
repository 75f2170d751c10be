package com.nexo.support.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.nexo.base.ui.DownloadLink;
import com.nexo.support.RequestCategory;
import com.nexo.support.Requester;
import com.nexo.support.requests.NewRequest;
import com.nexo.support.requests.PortalRequests;
import com.nexo.support.requests.RequestDesk;
import com.nexo.support.requests.RequestRow;
import com.nexo.testing.KaribuTest;
import com.nexo.testing.LoggedIn;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The back office's request pages: the sales team finds a client's request by its subject, answers
 * it and closes it; a stale answer is explained; the requester's kind is shown and filters the list; a
 * read-only employee sees but cannot answer; an employee without the permission is refused.
 */
class RequestDeskViewsTest extends KaribuTest {

    @Autowired
    private PortalRequests clientRequests;

    @Autowired
    private RequestDesk desk;

    @Autowired
    private UserDetailsService users;

    private String subject;
    private UUID id;

    @BeforeEach
    void aClientOpensARequest() {
        subject = "Entrega incompleta " + UUID.randomUUID();
        id = LoggedIn.asUser(
                users,
                "cliente@demo.nexo",
                () -> clientRequests.open(
                        new NewRequest(subject, RequestCategory.DELIVERY, "Faltan dos cajas."), List.of()));
    }

    @Test
    void the_sales_team_finds_answers_and_closes_a_request() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate("support/requests");
        RequestListView list = _get(RequestListView.class);
        list.search.setValue(subject);
        assertThat(GridKt._fetch(list.grid, 0, 50)).extracting(RequestRow::id).containsExactly(id);

        UI.getCurrent().navigate("support/requests/" + id);
        RequestView page = _get(RequestView.class);
        assertThat(page.title.getText()).isEqualTo(subject);
        assertThat(page.conversation.getElement().getTextRecursively()).contains("Faltan dos cajas.");
        page.answer.setValue("Salen mañana.");
        _click(page.send);
        expectNotifications("Respuesta enviada; quien abrió la solicitud recibe un aviso por correo.");
        assertThat(page.conversation.getChildren()).hasSize(2);

        _click(page.close);
        expectNotifications("Solicitud cerrada.");
        assertThat(page.answerArea.isVisible()).isFalse();
    }

    @Test
    void an_answer_with_a_file_reaches_the_clients_conversation_as_a_download() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate("support/requests/" + id);
        RequestView page = _get(RequestView.class);
        page.answer.setValue("Te adjunto el albarán.");
        UploadKt._upload(page.files.upload, "albaran-12.txt", "text/plain", "A-12".getBytes(StandardCharsets.UTF_8));
        _click(page.send);
        expectNotifications("Respuesta enviada; quien abrió la solicitud recibe un aviso por correo.");
        assertThat(page.files.files()).as("sent, so forgotten").isEmpty();
        assertThat(page.conversation.getElement().getTextRecursively()).contains("albaran-12.txt");

        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal/requests/" + id);
        PortalRequestView client = _get(PortalRequestView.class);
        assertThat(_find(client.conversation, DownloadLink.class))
                .extracting(link -> link.getElement().getAttribute("download"))
                .containsExactly("albaran-12.txt");
    }

    @Test
    void an_answer_waits_for_the_client_on_its_portal_home() {
        LoggedIn.asUser(users, "ventas@demo.nexo", () -> {
            desk.answer(id, desk.read(id).version(), "Salen mañana.", List.of());
            return null;
        });
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();
        assertThat(_find(Anchor.class))
                .filteredOn(link -> link.hasClassName("portal-notice"))
                .extracting(Anchor::getHref)
                .contains("portal/requests");
    }

    @Test
    void an_answer_on_a_request_the_client_changed_meanwhile_is_explained_and_kept() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate("support/requests/" + id);
        RequestView page = _get(RequestView.class);
        // The client replies from its own session meanwhile.
        login("cliente@demo.nexo");
        clientRequests.reply(id, "Y una tercera.", List.of());
        login("ventas@demo.nexo");
        page.answer.setValue("Salen mañana.");
        _click(page.send);
        expectNotifications("La solicitud ha cambiado mientras tanto (un mensaje nuevo o un cambio de un compañero)."
                + " No se ha guardado nada: se ha vuelto a cargar, léela e inténtalo de nuevo.");
        assertThat(page.answer.getValue()).isEqualTo("Salen mañana.");
        assertThat(page.conversation.getElement().getTextRecursively()).contains("Y una tercera.");
    }

    @Test
    void the_back_office_shows_and_filters_by_the_requesters_kind() {
        String supplierSubject = "Albarán sin firmar " + UUID.randomUUID();
        UUID supplierRequest = LoggedIn.asUser(
                users,
                "proveedor@demo.nexo",
                () -> clientRequests.open(
                        new NewRequest(supplierSubject, RequestCategory.DELIVERY, "No nos devolvieron el albarán."),
                        List.of()));
        login("ventas@demo.nexo");
        UI.getCurrent().navigate("support/requests");
        RequestListView list = _get(RequestListView.class);
        list.requester.setValue(Requester.SUPPLIER);
        List<RequestRow> suppliers = GridKt._fetch(list.grid, 0, 200);
        assertThat(suppliers)
                .extracting(RequestRow::id)
                .contains(supplierRequest)
                .doesNotContain(id);
        assertThat(suppliers).extracting(RequestRow::requester).containsOnly(Requester.SUPPLIER);
        list.requester.setValue(Requester.CLIENT);
        assertThat(GridKt._fetch(list.grid, 0, 200))
                .extracting(RequestRow::id)
                .contains(id)
                .doesNotContain(supplierRequest);

        UI.getCurrent().navigate("support/requests/" + supplierRequest);
        RequestView page = _get(RequestView.class);
        assertThat(page.facts.getElement().getTextRecursively()).contains("Proveedor", "Aceros del Norte");
        // The account's documents are the client portal's: not shown for a supplier's request.
        _assertNone(page, Details.class, spec -> spec.withClasses("support-account-files"));

        UI.getCurrent().navigate("support/requests/" + id);
        RequestView clientPage = _get(RequestView.class);
        assertThat(clientPage.facts.getElement().getTextRecursively()).contains("Cliente");
        _get(clientPage, Details.class, spec -> spec.withClasses("support-account-files"));
    }

    @Test
    void a_read_only_employee_sees_the_request_but_cannot_answer() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate("support/requests/" + id);
        RequestView page = _get(RequestView.class);
        assertThat(page.title.getText()).isEqualTo(subject);
        assertThat(page.answerArea.getParent()).isEmpty();
    }

    @Test
    void an_employee_without_the_permission_is_refused() {
        login("produccion@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("support/requests"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("support/requests/" + id))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}

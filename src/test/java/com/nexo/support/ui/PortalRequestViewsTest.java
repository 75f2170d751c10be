package com.nexo.support.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.nexo.portal.ui.PortalLayout;
import com.nexo.support.RequestCategory;
import com.nexo.support.Requester;
import com.nexo.support.requests.DocumentRow;
import com.nexo.support.requests.RequestRow;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request pages inside the portal frame, for clients, suppliers and professionals: the menu entry,
 * the list, opening a request with a file and the categories of the actor's kind, the conversation
 * page with its reply and closing; refusals of bad input, of another actor's requests, of the client's
 * files for the other portals and of the back office's pages.
 */
class PortalRequestViewsTest extends KaribuTest {

    @Test
    void a_client_opens_a_request_with_a_file_and_finds_it_in_its_list() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal/requests/new");
        NewPortalRequestView form = _get(NewPortalRequestView.class);
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(form);
        String subject = "Factura duplicada " + UUID.randomUUID();
        form.subject.setValue(subject);
        form.category.setValue(RequestCategory.INVOICE);
        form.text.setValue("Nos han llegado dos facturas iguales.");
        UploadKt._upload(form.files.upload, "factura.txt", "text/plain", "F-1".getBytes(StandardCharsets.UTF_8));
        _click(form.send);
        expectNotifications("Solicitud enviada. Te responderemos aquí y por correo electrónico.");

        PortalRequestView page = _get(PortalRequestView.class);
        assertThat(page.title.getText()).isEqualTo(subject);
        assertThat(page.conversation.getChildren()).hasSize(1);
        assertThat(page.conversation.getElement().getTextRecursively())
                .contains("Nos han llegado dos facturas iguales.", "factura.txt");

        page.reply.setValue("Adjunto más datos.");
        _click(page.send);
        expectNotifications("Respuesta enviada.");
        assertThat(page.conversation.getChildren()).hasSize(2);

        UI.getCurrent().navigate("portal/requests");
        PortalRequestListView list = _get(PortalRequestListView.class);
        assertThat(GridKt._fetch(list.grid, 0, 50))
                .extracting(RequestRow::subject)
                .contains(subject);
    }

    @Test
    void a_client_uploads_a_file_to_its_documents_and_deletes_it() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal/files");
        ClientFilesView files = _get(ClientFilesView.class);
        String name = "albaran-" + UUID.randomUUID() + ".txt";
        UploadKt._upload(files.upload, name, "text/plain", "A-1".getBytes(StandardCharsets.UTF_8));
        expectNotifications("«" + name + "» subido.");
        DocumentRow row = GridKt._fetch(files.grid, 0, 50).stream()
                .filter(document -> document.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(row.mine()).isTrue();

        int index = GridKt._fetch(files.grid, 0, 50).indexOf(row);
        Button delete = GridKt._getCellComponent(files.grid, index, "actions")
                .getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
        _click(delete);
        expectNotifications("«" + name + "» eliminado.");
        assertThat(GridKt._fetch(files.grid, 0, 50))
                .extracting(DocumentRow::name)
                .doesNotContain(name);
    }

    @Test
    void a_request_without_subject_is_refused_on_the_field() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal/requests/new");
        NewPortalRequestView form = _get(NewPortalRequestView.class);
        form.text.setValue("Texto");
        _click(form.send);
        assertThat(form.subject.isInvalid()).isTrue();
        assertThat(form.subject.getErrorMessage()).isEqualTo("Escribe un asunto.");
        assertThat(_find(PortalRequestView.class)).isEmpty();
    }

    @Test
    void an_unknown_request_is_not_found() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal/requests/" + UUID.randomUUID());
        assertThat(_find(PortalRequestView.class)).isEmpty();
    }

    @Test
    void a_client_is_refused_the_back_office_requests() {
        login("cliente@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("support/requests"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_supplier_opens_a_request_about_a_payment_from_its_portal_and_no_client_sees_it() {
        login("proveedor@demo.nexo");
        UI.getCurrent().navigate("portal");
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .anySatisfy(path -> assertThat(path).endsWith("portal/requests"));
        UI.getCurrent().navigate("portal/requests/new");
        NewPortalRequestView form = _get(NewPortalRequestView.class);
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(form);
        assertThat(form.category.getListDataView().getItems())
                .containsExactlyElementsOf(Requester.SUPPLIER.categories());
        String subject = "Factura sin pagar " + UUID.randomUUID();
        form.subject.setValue(subject);
        form.category.setValue(RequestCategory.PAYMENT);
        form.text.setValue("La factura 2026-118 venció hace un mes.");
        UploadKt._upload(form.files.upload, "factura-118.txt", "text/plain", "F-118".getBytes(StandardCharsets.UTF_8));
        _click(form.send);
        expectNotifications("Solicitud enviada. Te responderemos aquí y por correo electrónico.");
        PortalRequestView page = _get(PortalRequestView.class);
        assertThat(page.title.getText()).isEqualTo(subject);
        assertThat(page.conversation.getElement().getTextRecursively()).contains("factura-118.txt");
        UUID id = page.shown.id();

        UI.getCurrent().navigate("portal/requests");
        assertThat(GridKt._fetch(_get(PortalRequestListView.class).grid, 0, 50))
                .extracting(RequestRow::subject)
                .contains(subject);

        login("cliente@demo.nexo");
        UI.getCurrent().navigate("portal/requests");
        assertThat(GridKt._fetch(_get(PortalRequestListView.class).grid, 0, 50))
                .extracting(RequestRow::subject)
                .doesNotContain(subject);
        UI.getCurrent().navigate("portal/requests/" + id);
        assertThat(_find(PortalRequestView.class)).isEmpty();
    }

    @Test
    void a_professional_opens_a_request_about_a_job_and_follows_it() {
        login("profesional@demo.nexo");
        UI.getCurrent().navigate("portal/requests/new");
        NewPortalRequestView form = _get(NewPortalRequestView.class);
        assertThat(form.category.getListDataView().getItems())
                .containsExactlyElementsOf(Requester.PROFESSIONAL.categories())
                .contains(RequestCategory.JOB)
                .doesNotContain(RequestCategory.DELIVERY);
        String subject = "Material para el trabajo " + UUID.randomUUID();
        form.subject.setValue(subject);
        form.category.setValue(RequestCategory.JOB);
        form.text.setValue("Falta la pieza para terminar el montaje.");
        _click(form.send);
        expectNotifications("Solicitud enviada. Te responderemos aquí y por correo electrónico.");

        PortalRequestView page = _get(PortalRequestView.class);
        page.reply.setValue("Ya la tengo, gracias.");
        _click(page.send);
        expectNotifications("Respuesta enviada.");
        assertThat(page.conversation.getChildren()).hasSize(2);
        _click(page.close);
        expectNotifications("Solicitud cerrada.");
        assertThat(page.replyArea.isVisible()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proveedor@demo.nexo", "profesional@demo.nexo"})
    void suppliers_and_professionals_are_refused_the_clients_files_and_the_back_offices_requests(String email) {
        login(email);
        assertThatThrownBy(() -> UI.getCurrent().navigate("portal/files"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("support/requests"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}

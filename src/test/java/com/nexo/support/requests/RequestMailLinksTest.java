package com.nexo.support.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.mail.PublicLinks;
import com.nexo.security.NexoUser;
import com.nexo.support.RequestCategory;
import com.nexo.support.Requester;
import com.nexo.support.ui.PortalRequestView;
import com.nexo.support.ui.RequestView;
import com.nexo.testing.KaribuTest;
import com.nexo.testing.LoggedIn;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The mails of a request carry a link to it: the company's mail of a new request links to its page in
 * the back office, the requester's mail of an answer to its page in the requester's portal. Each link
 * starts with the installation's public address and, followed inside the application by the right
 * user, opens that request's page.
 */
class RequestMailLinksTest extends KaribuTest {

    private static final String SUPPLIER = "proveedor@demo.nexo";
    private static final String SALES = "ventas@demo.nexo";

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PortalRequests portal;

    @Autowired
    private SupportMails mails;

    @Autowired
    private PublicLinks links;

    @Test
    void the_mail_of_a_new_request_links_staff_to_its_back_office_page() {
        String subject = "Pago pendiente " + UUID.randomUUID();
        UUID id = LoggedIn.asUser(
                users,
                SUPPLIER,
                () -> portal.open(new NewRequest(subject, RequestCategory.PAYMENT, "¿Cuándo se paga?"), List.of()));
        NexoUser supplier = (NexoUser) users.loadUserByUsername(SUPPLIER);

        OutgoingMail mail = mails.openedMail(
                new RequestOpened(supplier.tenantId(), supplier.userId(), id, subject, "Aceros", Requester.SUPPLIER),
                "info@example.com");

        assertThat(mail.subject()).contains(subject, "Proveedor");
        String route = routeOf(mail);
        assertThat(route).isEqualTo("support/requests/" + id);
        login(SALES);
        UI.getCurrent().navigate(route);
        assertThat(currentPage())
                .isInstanceOfSatisfying(
                        RequestView.class,
                        page -> assertThat(page.getPageTitle()).isEqualTo(subject));
    }

    @Test
    void the_mail_of_an_answer_links_the_requester_to_its_portal_page() {
        String subject = "Fecha de entrega " + UUID.randomUUID();
        UUID id = LoggedIn.asUser(
                users,
                SUPPLIER,
                () -> portal.open(new NewRequest(subject, RequestCategory.DELIVERY, "¿Qué día?"), List.of()));
        NexoUser supplier = (NexoUser) users.loadUserByUsername(SUPPLIER);

        OutgoingMail mail = mails.answeredMail(
                new RequestAnswered(supplier.tenantId(), UUID.randomUUID(), id, subject, SUPPLIER, "en", "Sergio"));

        assertThat(mail.to()).containsExactly(SUPPLIER);
        String route = routeOf(mail);
        assertThat(route).isEqualTo("portal/requests/" + id);
        login(SUPPLIER);
        UI.getCurrent().navigate(route);
        assertThat(currentPage())
                .isInstanceOfSatisfying(
                        PortalRequestView.class,
                        page -> assertThat(page.getPageTitle()).isEqualTo(subject));
        // The back office's address of the same request is no way in for the requester.
        assertThatThrownBy(() -> UI.getCurrent().navigate(RequestRoutes.desk(id)))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    /** The one link of the mail's text, checked to start with the public address, without it. */
    private String routeOf(OutgoingMail mail) {
        String address = links.to("");
        Matcher link = Pattern.compile(Pattern.quote(address) + "(\\S+)").matcher(mail.text());
        assertThat(link.find())
                .as("a link starting with %s in: %s", address, mail.text())
                .isTrue();
        String route = link.group(1);
        // The company's mail holds the same link in both languages; nothing else links.
        while (link.find()) {
            assertThat(link.group(1)).isEqualTo(route);
        }
        return route;
    }

    private static Object currentPage() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }
}

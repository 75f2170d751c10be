package com.nexo.accounts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.demo.DemoTenant;
import com.nexo.portal.invitations.PortalInvitations;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal column of an account's contacts: its state, and for those who may give portal access,
 * inviting (asking which portal when the account has several roles), and disabling and re-enabling
 * an active contact's user. A read-only employee sees the state only.
 */
class ContactPortalAccessTest extends KaribuTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    private static final Pattern LINK = Pattern.compile("/portal-welcome/([A-Za-z0-9_-]{65})");

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contacts;

    @Autowired
    private PortalInvitations invitations;

    private UUID account;
    private String email;

    @BeforeEach
    void aClientThatIsAlsoASupplierWithOneContact() {
        login(AccountFixtures.SALES);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        email = "karibu-" + tag + "@portal.test";
        AccountForm form = AccountFixtures.company("Doble papel " + tag);
        form.setRoles(EnumSet.of(AccountRole.CLIENT, AccountRole.SUPPLIER));
        account = accounts.create(form);
        ContactForm person = AccountFixtures.contact("Olga Ortiz", true);
        person.setEmails(List.of(email));
        contacts.addContact(account, person);
        open(account);
    }

    @Test
    void an_employee_invites_a_contact_to_the_chosen_portal_then_disables_and_enables_it() throws Exception {
        assertThat(state()).isEqualTo("Sin invitar");

        _click(portalButton("Invitar al portal"));
        PortalChoiceDialog choice = _get(PortalChoiceDialog.class);
        assertThat(choice.portals.getListDataView().getItems()).containsExactly("CLIENT", "SUPPLIER");
        choice.portals.setValue("SUPPLIER");
        _click(choice.send);

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(state()).isEqualTo("Invitado");
        Matcher link = LINK.matcher(
                String.valueOf(SMTP.getReceivedMessages()[SMTP.getReceivedMessages().length - 1].getContent()));
        assertThat(link.find()).isTrue();

        invitations.accept(link.group(1), "Olga-Ortiz-2026!");
        UI.getCurrent().getPage().reload();
        assertThat(state()).isEqualTo("Activo");

        _click(portalButton("Desactivar el acceso al portal"));
        assertThat(state()).isEqualTo("Desactivado");

        _click(portalButton("Reactivar el acceso al portal"));
        assertThat(state()).isEqualTo("Activo");
    }

    @Test
    void a_contact_whose_email_already_logs_in_is_refused_with_a_message_and_nothing_is_sent() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        AccountForm form = AccountFixtures.company("Cliente con operador " + tag);
        form.setRoles(EnumSet.of(AccountRole.CLIENT));
        UUID client = accounts.create(form);
        ContactForm person = AccountFixtures.contact("Olivia Operadora", true);
        // The platform operator's login, typed in capitals (contacts keep addresses in lower case).
        person.setEmails(List.of("Operador@nexo.local"));
        contacts.addContact(client, person);
        open(client);
        int mails = SMTP.getReceivedMessages().length;

        _click(portalButton("Invitar al portal"));

        expectNotifications("operador@nexo.local ya es un nombre de inicio de sesión en NEXO (en esta empresa o en"
                + " otra): no se puede invitar a Olivia Operadora con esa dirección. Indique otro correo para el"
                + " contacto.");
        assertThat(state()).isEqualTo("Sin invitar");
        assertThat(SMTP.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void a_contact_of_the_demo_client_is_shown_with_its_active_portal_user() {
        switchUser("admin@demo.nexo");
        open(DemoTenant.CLIENT_PARTY);

        List<ContactRow> rows = GridKt._fetch(grid(), 0, 20);
        int carmen = rows.stream().map(ContactRow::name).toList().indexOf("Carmen Cliente");
        assertThat(carmen).isNotNegative();
        assertThat(_get(cell(carmen), Badge.class).getText()).isEqualTo("Activo");
    }

    @Test
    void a_read_only_employee_sees_the_state_but_no_portal_action() {
        switchUser(AccountFixtures.READ_ONLY);
        open(account);

        assertThat(state()).isEqualTo("Sin invitar");
        assertThat(_find(cell(0), Button.class)).isEmpty();
    }

    private String state() {
        return _get(cell(0), Badge.class).getText();
    }

    private Button portalButton(String label) {
        return _find(cell(0), Button.class).stream()
                .filter(button -> label.equals(button.getAriaLabel().orElse(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
    }

    private static Component cell(int row) {
        return GridKt._getCellComponent(grid(), row, "portal");
    }

    @SuppressWarnings("unchecked")
    private static Grid<ContactRow> grid() {
        return _get(Grid.class, spec -> spec.withClasses("contacts-grid"));
    }

    private static void open(UUID id) {
        UI.getCurrent().navigate(AccountDetailView.class, AccountDetailView.parameters(id));
    }
}

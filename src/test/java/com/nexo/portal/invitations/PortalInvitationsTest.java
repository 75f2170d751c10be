package com.nexo.portal.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.ContactPortal;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactRow;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.security.Browser;
import com.nexo.security.operators.NewTenantForm;
import com.nexo.security.operators.TenantProvisioning;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access per contact end to end: an employee invites a contact, the mail (sent to a real SMTP server
 * started here) carries a one-time link, accepting it creates the portal user, which then logs in
 * through the real login form; disabled it is refused, re-enabled it gets in, and it is locked out
 * like an employee. Replaced, expired, used and unknown links are told apart.
 */
@NexoSpringTest
class PortalInvitationsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    private static final Pattern LINK = Pattern.compile("/portal-welcome/([A-Za-z0-9_-]{65})");
    private static final String PASSWORD = "Portal-Welcome-2026";
    private static final String OPERATOR = "operador@nexo.local";

    @LocalServerPort
    private int port;

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private AccountService accounts;

    @Autowired
    private ContactService contacts;

    @Autowired
    private ContactPortal portal;

    @Autowired
    private PortalInvitations invitations;

    @Autowired
    private TenantProvisioning provisioning;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private UUID account;
    private UUID contact;
    private String email;

    @BeforeEach
    void aClientAndSupplierWithOneContact() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        email = "contact-" + tag + "@portal.test";
        AccountForm form = AccountFixtures.company("Portal test " + tag);
        form.setRoles(EnumSet.of(AccountRole.CLIENT, AccountRole.SUPPLIER));
        account = asSales(() -> accounts.create(form));
        ContactForm person = AccountFixtures.contact("Inés Invitada " + tag, true);
        person.setEmails(List.of(email));
        person.setLanguage("en");
        contact = asSales(() -> contacts.addContact(account, person));
    }

    @Test
    void an_invited_contact_sets_its_password_logs_in_is_disabled_and_enabled_again() throws Exception {
        assertThat(access()).isEqualTo(ContactPortal.Access.NOT_INVITED);
        assertThat(asSales(() -> portal.portalsOf(contact))).containsExactly("CLIENT", "SUPPLIER");

        String token = invite("SUPPLIER");
        MimeMessage mail = SMTP.getReceivedMessages()[SMTP.getReceivedMessages().length - 1];
        assertThat(mail.getSubject()).startsWith("Your access to the portal of");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(access()).isEqualTo(ContactPortal.Access.INVITED);

        // The link opens without login (the page, not the login form).
        assertThat(new Browser(port).get("/portal-welcome/" + token).statusCode())
                .isEqualTo(200);
        Invitation opened = invitations.check(token);
        assertThat(opened.status()).isEqualTo(Invitation.Status.VALID);
        assertThat(opened.email()).isEqualTo(email);
        assertThat(opened.language()).isEqualTo("en");

        assertThat(invitations.accept(token, PASSWORD)).isEqualTo(email);
        assertThat(access()).isEqualTo(ContactPortal.Access.ACTIVE);
        assertThat(invitations.check(token).status()).isEqualTo(Invitation.Status.USED);
        assertThatThrownBy(() -> invitations.accept(token, PASSWORD))
                .isInstanceOfSatisfying(
                        PortalRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.welcome.status.used"));

        // The real login form lets the new supplier in, and the portal is where it lands.
        Browser browser = new Browser(port);
        assertThat(browser.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
        assertThat(userDetails.loadUserByUsername(email).getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_SUPPLIER");

        asSales(() -> {
            portal.disable(contact);
            return null;
        });
        assertThat(access()).isEqualTo(ContactPortal.Access.DISABLED);
        assertThat(new Browser(port).logIn(email, PASSWORD).isLoginError()).isTrue();
        // Its open session ended too: the next request goes to the login page.
        assertThat(browser.get("/portal").statusCode()).isEqualTo(302);

        asSales(() -> {
            portal.enable(contact);
            return null;
        });
        assertThat(access()).isEqualTo(ContactPortal.Access.ACTIVE);
        assertThat(new Browser(port).logIn(email, PASSWORD).isLoggedInRedirect())
                .isTrue();
    }

    @Test
    void a_portal_user_is_locked_out_after_repeated_wrong_passwords_like_an_employee() throws Exception {
        invitations.accept(invite("CLIENT"), PASSWORD);
        for (int i = 1; i <= 5; i++) {
            assertThat(new Browser(port).logIn(email, "Wrong-Password-" + i).isLoginError())
                    .isTrue();
        }
        assertThat(new Browser(port).logIn(email, PASSWORD).isLoginError())
                .as("the right password during the lock-out")
                .isTrue();
    }

    @Test
    void a_new_invitation_replaces_the_earlier_one() throws Exception {
        String first = invite("CLIENT");
        String second = invite("CLIENT");

        assertThat(invitations.check(first).status()).isEqualTo(Invitation.Status.REPLACED);
        assertThat(invitations.check(second).status()).isEqualTo(Invitation.Status.VALID);
        assertThatThrownBy(() -> invitations.accept(first, PASSWORD))
                .isInstanceOfSatisfying(
                        PortalRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.welcome.status.replaced"));
    }

    @Test
    void an_unknown_or_malformed_link_is_unknown_and_creates_nothing() {
        String forged = InvitationToken.create(UUID.randomUUID()).text();

        assertThat(invitations.check(forged).status()).isEqualTo(Invitation.Status.UNKNOWN);
        assertThat(invitations.check("not-a-token").status()).isEqualTo(Invitation.Status.UNKNOWN);
        assertThat(invitations.check(null).status()).isEqualTo(Invitation.Status.UNKNOWN);
        assertThatThrownBy(() -> invitations.accept(forged, PASSWORD))
                .isInstanceOfSatisfying(
                        PortalRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.welcome.status.unknown"));
    }

    @Test
    void a_password_the_policy_refuses_leaves_the_link_valid() throws Exception {
        String token = invite("CLIENT");

        assertThatThrownBy(() -> invitations.accept(token, "short"))
                .isInstanceOfSatisfying(
                        PortalRuleException.class,
                        e -> assertThat(e.messageKey()).startsWith("password."));
        assertThat(invitations.check(token).status()).isEqualTo(Invitation.Status.VALID);
    }

    @Test
    void an_account_without_the_portal_asked_for_is_refused_and_nothing_is_sent() {
        int before = SMTP.getReceivedMessages().length;

        assertThatThrownBy(() -> asSales(() -> {
                    portal.invite(contact, "PROFESSIONAL");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        PortalRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.access.error.wrong-portal"));
        assertThat(SMTP.getReceivedMessages()).hasSize(before);
        assertThat(access()).isEqualTo(ContactPortal.Access.NOT_INVITED);
    }

    @Test
    void an_email_that_already_logs_in_anywhere_or_no_email_is_refused_before_anything_is_sent_or_stored() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String otherTenantsAdmin = "admin-" + tag + "@other-tenant.test";
        LoggedIn.asUser(
                userDetails,
                OPERATOR,
                () -> provisioning.createTenant(new NewTenantForm(
                        "other-" + tag, "Other " + tag, "en", otherTenantsAdmin, "Admin " + tag, PASSWORD)));
        Map<String, String> refusals = new LinkedHashMap<>();
        // Login names are case-insensitive: the upper-case address is the same login.
        refusals.put(otherTenantsAdmin.toUpperCase(Locale.ROOT), "portal.access.error.email-taken");
        refusals.put(OPERATOR, "portal.access.error.email-taken");
        refusals.put("ventas@demo.nexo", "portal.access.error.email-taken");
        refusals.put(null, "portal.access.error.no-email");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            ContactForm person = AccountFixtures.contact("Ya registrada " + tag, false);
            person.setEmails(refusal.getKey() == null ? List.of() : List.of(refusal.getKey()));
            UUID taken = asSales(() -> contacts.addContact(account, person));
            int mails = SMTP.getReceivedMessages().length;

            assertThatThrownBy(() -> asSales(() -> {
                        portal.invite(taken, "CLIENT");
                        return null;
                    }))
                    .as(refusal.getKey())
                    .isInstanceOfSatisfying(
                            PortalRuleException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(refusal.getValue()));
            assertThat(SMTP.getReceivedMessages()).as(refusal.getKey()).hasSize(mails);
            assertThat(asSales(() -> invitationsOf(taken))).as(refusal.getKey()).isZero();
        }
        // The contact whose address is free is still invited.
        assertThatCode(() -> invite("CLIENT")).doesNotThrowAnyException();
    }

    @Test
    void an_employee_without_the_portal_access_permission_cannot_invite_or_disable() {
        assertThatThrownBy(() -> LoggedIn.asUser(userDetails, AccountFixtures.READ_ONLY, () -> {
                    portal.invite(contact, "CLIENT");
                    return null;
                }))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
        assertThatThrownBy(() -> LoggedIn.asUser(userDetails, AccountFixtures.READ_ONLY, () -> {
                    portal.disable(contact);
                    return null;
                }))
                .isInstanceOfAny(AccessDeniedException.class, AuthorizationDeniedException.class);
    }

    @Test
    void the_predefined_administrator_sales_and_purchasing_roles_may_give_portal_access_and_others_not() {
        for (String email : List.of("admin@demo.nexo", "ventas@demo.nexo", "compras@demo.nexo")) {
            assertThat(userDetails.loadUserByUsername(email).getAuthorities())
                    .as(email)
                    .extracting(Object::toString)
                    .contains("ROLE_" + AccountPermissions.PORTAL_ACCESS);
        }
        for (String email : List.of("consulta@demo.nexo", "produccion@demo.nexo", "cliente@demo.nexo")) {
            assertThat(userDetails.loadUserByUsername(email).getAuthorities())
                    .as(email)
                    .extracting(Object::toString)
                    .doesNotContain("ROLE_" + AccountPermissions.PORTAL_ACCESS);
        }
    }

    /** Invites the contact as the sales employee and returns the token of the link the mail carries. */
    private String invite(String actorType) throws Exception {
        int before = SMTP.getReceivedMessages().length;
        asSales(() -> {
            portal.invite(contact, actorType);
            return null;
        });
        assertThat(SMTP.waitForIncomingEmail(10_000, before + 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[before];
        Matcher link = LINK.matcher(String.valueOf(mail.getContent()));
        assertThat(link.find()).as("the link in %s", mail.getContent()).isTrue();
        return link.group(1);
    }

    private ContactPortal.Access access() {
        return asSales(() -> {
            ContactRow row = contacts.contacts(account).stream()
                    .filter(listed -> listed.id().equals(contact))
                    .findFirst()
                    .orElseThrow();
            Map<UUID, ContactPortal.Access> states =
                    portal.accessOf(List.of(new ContactPortal.Listed(row.id(), row.portalUserId())));
            return states.get(contact);
        });
    }

    /** The invitations stored for the contact, read as the logged-in employee. */
    private long invitationsOf(UUID contactId) {
        return new TransactionTemplate(transactions)
                .execute(status -> jdbc.sql("SELECT count(*) FROM portal_invitation WHERE contact_id = :contact")
                        .param("contact", contactId)
                        .query(Long.class)
                        .single());
    }

    private <T> T asSales(Supplier<T> work) {
        return LoggedIn.asUser(userDetails, AccountFixtures.SALES, work);
    }
}

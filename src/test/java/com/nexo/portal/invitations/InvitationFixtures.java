package com.nexo.portal.invitations;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.base.Ids;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations made for tests without the mail: a contact of a new client account of the demo tenant,
 * and invitation rows written straight to the table (as the tenant's system work) in any state.
 */
public final class InvitationFixtures {

    public static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    private final ApplicationContext context;

    public InvitationFixtures(ApplicationContext context) {
        this.context = context;
    }

    /** A contact of a new client account, with an e-mail address and Spanish as its language. */
    public Contact contact(String name) {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "welcome-" + tag + "@portal.test";
        return LoggedIn.asUser(users, AccountFixtures.SALES, () -> {
            AccountForm form = AccountFixtures.company("Bienvenidas " + tag);
            UUID account = context.getBean(AccountService.class).create(form);
            ContactForm person = AccountFixtures.contact(name, true);
            person.setEmails(List.of(email));
            person.setLanguage("es");
            UUID id = context.getBean(ContactService.class).addContact(account, person);
            return new Contact(id, account, name, email);
        });
    }

    /** An invitation of the contact to the client portal, expiring at {@code expires}; returns its token. */
    public String invitation(Contact contact, Instant expires, boolean replaced) {
        InvitationToken token = InvitationToken.create(DEMO_TENANT);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> transaction.execute(status -> jdbc.sql("""
                        INSERT INTO portal_invitation (id, contact_id, party_id, actor_type, email, token_hash,
                                                       expires_at, replaced_at)
                        VALUES (:id, :contact, :party, 'client', :email, :hash, :expires, :replaced)
                        """)
                        .param("id", Ids.newId())
                        .param("contact", contact.id())
                        .param("party", contact.accountId())
                        .param("email", contact.email())
                        .param("hash", token.hash())
                        .param("expires", Timestamp.from(expires))
                        .param("replaced", replaced ? Timestamp.from(Instant.now()) : null, java.sql.Types.TIMESTAMP)
                        .update()));
        return token.text();
    }

    /** A token of the demo tenant that no invitation has. */
    public static String unknownToken() {
        return InvitationToken.create(DEMO_TENANT).text();
    }

    /** A contact made for a test. */
    public record Contact(UUID id, UUID accountId, String name, String email) {}
}

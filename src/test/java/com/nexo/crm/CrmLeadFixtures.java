package com.nexo.crm;

import com.nexo.crm.leads.LeadForm;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the CRM leads tests start from, in the demo tenant: employees of their own with exactly the
 * permissions a test gives them (so visibility own, team and all can be told apart), teams, and lead
 * forms with names no other test uses (duplicate checks compare names by similarity).
 */
public final class CrmLeadFixtures {

    public static final String ADMIN = "admin@demo.nexo";
    public static final String SALES = "ventas@demo.nexo";
    public static final String READ_ONLY = "consulta@demo.nexo";
    public static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UUID demo;

    public CrmLeadFixtures(ApplicationContext context) {
        this.users = context.getBean(UserDetailsService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.demo = ((NexoUser) users.loadUserByUsername(ADMIN)).tenantId();
    }

    /** The id of the user who logs in with this e-mail. */
    public UUID userId(String email) {
        return ((NexoUser) users.loadUserByUsername(email)).userId();
    }

    public UUID demoTenant() {
        return demo;
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    public <T> T as(NexoUser user, Supplier<T> work) {
        return LoggedIn.asPrincipal(user, work);
    }

    /** Work in one transaction as the demo tenant's system actor. */
    public <T> T system(Supplier<T> work) {
        return TenantContext.callAsSystem(demo, null, () -> transactions.execute(status -> work.get()));
    }

    /** A new employee of the demo tenant (a row of its own), logged in with exactly {@code permissions}. */
    public NexoUser employee(String... permissions) {
        UUID id = UUID.randomUUID();
        String email = "crm-" + id + "@leads.test";
        system(() -> jdbc.sql(
                        "INSERT INTO app_user (id, email, display_name, actor_type) VALUES (:id, :email, :name, 'employee')")
                .param("id", id)
                .param("email", email)
                .param("name", "Vendedor " + id.toString().substring(0, 6))
                .update());
        return new NexoUser(
                id,
                demo,
                email,
                "Vendedor " + id.toString().substring(0, 6),
                ActorType.EMPLOYEE,
                null,
                true,
                Locale.of("es"),
                Set.of(permissions),
                0,
                null,
                null);
    }

    /** A new sales team of the demo tenant with these members. */
    public UUID team(UUID... members) {
        UUID id = UUID.randomUUID();
        system(() -> {
            jdbc.sql("INSERT INTO crm_team (id, name) VALUES (:id, :name)")
                    .param("id", id)
                    .param("name", "Equipo " + id)
                    .update();
            for (UUID member : members) {
                jdbc.sql("INSERT INTO crm_team_member (team_id, user_id) VALUES (:team, :user)")
                        .param("team", id)
                        .param("user", member)
                        .update();
            }
            return null;
        });
        return id;
    }

    /** A word no other test uses, of random letters (names compared by trigram similarity stay apart). */
    public static String word() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        word.append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 11; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** A lead of a person at a company, with an e-mail of their own. */
    public static LeadForm lead(UUID ownerId) {
        LeadForm form = new LeadForm();
        String person = word();
        form.setPersonName(person + " " + word());
        form.setCompanyName(word() + " S.L.");
        form.setEmail(person.toLowerCase(Locale.ROOT) + "@" + word().toLowerCase(Locale.ROOT) + ".test");
        form.setOwnerId(ownerId);
        return form;
    }
}

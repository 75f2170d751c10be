package com.nexo.crm;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountService;
import com.nexo.base.Ids;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.LoggedIn;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the CRM activities' tests start from, in the demo tenant: fresh salespeople whose roles see
 * their own, their team's or every record, and leads, pipelines, stages and opportunities written with
 * SQL (the opportunities' service is another helper's), accounts through the accounts service.
 */
public final class CrmActivityFixtures {

    public static final String ADMIN = "admin@demo.nexo";
    public static final String OTHER_TENANT_ADMIN = "admin@northwind.nexo";
    public static final Set<String> WORK = Set.of("crm.read", "crm.create", "crm.edit", "crm.delete");

    public final String tag = Long.toString(System.nanoTime(), 36);
    private final UserDetailsService userDetails;
    private final UserService users;
    private final RoleService roles;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public CrmActivityFixtures(ApplicationContext context) {
        this.userDetails = context.getBean(UserDetailsService.class);
        this.users = context.getBean(UserService.class);
        this.roles = context.getBean(RoleService.class);
        this.accounts = context.getBean(AccountService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetails, email, work);
    }

    public void run(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in one transaction of {@code email}'s. */
    public <T> T inTransaction(String email, Supplier<T> work) {
        return as(email, () -> transactions.execute(status -> work.get()));
    }

    /** A new employee of the demo tenant with a new role of these permissions; returns its e-mail. */
    public String user(String name, Set<String> permissions) {
        String code = "crm-" + name.toLowerCase(Locale.ROOT) + "-" + tag + "-"
                + Ids.newId().toString().substring(0, 4);
        String email = code + "@demo.nexo";
        run(ADMIN, () -> {
            roles.createRole(new RoleDraft(code, "Prueba " + code, null, permissions));
            users.createUser(
                    new NewUser(email, name + " " + tag, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", "es"));
        });
        return email;
    }

    /** A salesperson that works on the records it is assigned (and, with {@code extra}, more). */
    public String salesperson(String name, String... extra) {
        Set<String> permissions = new HashSet<>(WORK);
        permissions.addAll(Set.of(extra));
        return user(name, permissions);
    }

    public UUID userId(String email) {
        return inTransaction(
                ADMIN,
                () -> jdbc.sql("SELECT id FROM app_user WHERE lower(email) = lower(:email)")
                        .param("email", email)
                        .query(UUID.class)
                        .single());
    }

    /** A team of these users. */
    public UUID team(String... emails) {
        return inTransaction(ADMIN, () -> {
            UUID team = Ids.newId();
            jdbc.sql("INSERT INTO crm_team (id, name) VALUES (:id, :name)")
                    .param("id", team)
                    .param("name", "Equipo " + tag + " " + team.toString().substring(0, 6))
                    .update();
            for (String email : emails) {
                jdbc.sql("""
                                INSERT INTO crm_team_member (team_id, user_id)
                                SELECT :team, id FROM app_user WHERE lower(email) = lower(:email)
                                """).param("team", team).param("email", email).update();
            }
            return team;
        });
    }

    public UUID account(String name) {
        return as(ADMIN, () -> accounts.create(AccountFixtures.company(name + " " + tag)));
    }

    public UUID lead(String name, UUID ownerId) {
        return inTransaction(ADMIN, () -> {
            UUID id = Ids.newId();
            jdbc.sql("INSERT INTO crm_lead (id, person_name, owner_id) VALUES (:id, :name, :owner)")
                    .param("id", id)
                    .param("name", name + " " + tag)
                    .param("owner", ownerId)
                    .update();
            return id;
        });
    }

    /** A pipeline with two stages; returns {pipeline, first stage, second stage}. */
    public UUID[] pipeline() {
        return inTransaction(ADMIN, () -> {
            UUID pipeline = Ids.newId();
            UUID first = Ids.newId();
            UUID second = Ids.newId();
            jdbc.sql("INSERT INTO crm_pipeline (id, name) VALUES (:id, :name)")
                    .param("id", pipeline)
                    .param("name", "Embudo " + tag + " " + pipeline.toString().substring(0, 6))
                    .update();
            jdbc.sql("""
                            INSERT INTO crm_stage (id, pipeline_id, name, position, probability)
                            VALUES (:first, :pipeline, 'Contacto', 1, 10), (:second, :pipeline, 'Propuesta', 2, 50)
                            """)
                    .param("first", first)
                    .param("second", second)
                    .param("pipeline", pipeline)
                    .update();
            return new UUID[] {pipeline, first, second};
        });
    }

    public UUID opportunity(String title, UUID accountId, UUID[] pipeline, UUID ownerId) {
        return inTransaction(ADMIN, () -> {
            UUID id = Ids.newId();
            jdbc.sql("""
                            INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, probability, expected_close,
                                                         owner_id)
                            VALUES (:id, :title, :pipeline, :stage, :account, 10, :close, :owner)
                            """)
                    .param("id", id)
                    .param("title", title + " " + tag)
                    .param("pipeline", pipeline[0])
                    .param("stage", pipeline[1])
                    .param("account", accountId)
                    .param("close", LocalDate.now().plusMonths(1))
                    .param("owner", ownerId)
                    .update();
            return id;
        });
    }
}

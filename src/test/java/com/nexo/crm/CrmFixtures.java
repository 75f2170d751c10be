package com.nexo.crm;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.crm.opportunities.OpportunityForm;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * What CRM tests start from, in the demo tenant: pipelines with stages (made through the service as
 * system work, with unique names), accounts, lost reasons, teams, and employees of their own with
 * exactly the CRM permissions a test gives them.
 */
public final class CrmFixtures {

    public static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    public static final String ADMIN = ArticleFixtures.ADMIN;

    /** The permissions of a salesperson who sees only its own records. */
    public static final Set<String> OWN =
            Set.of(CrmPermissions.READ, CrmPermissions.CREATE, CrmPermissions.EDIT, "accounts.read");
    /** ... who also sees its teams' records. */
    public static final Set<String> TEAM = Set.of(
            CrmPermissions.READ, CrmPermissions.CREATE, CrmPermissions.EDIT, CrmPermissions.SEE_TEAM, "accounts.read");
    /** ... who sees every record. */
    public static final Set<String> ALL = Set.of(
            CrmPermissions.READ,
            CrmPermissions.CREATE,
            CrmPermissions.EDIT,
            CrmPermissions.DELETE,
            CrmPermissions.SEE_ALL,
            CrmPermissions.SETTINGS,
            "accounts.read");

    /** A pipeline and its stages, left to right (probabilities 10, 30, 60, 90). */
    public record Pipeline(UUID id, List<UUID> stages) {
        public UUID stage(int index) {
            return stages.get(index);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PipelineService pipelines;
    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final UserDetailsService users;

    public CrmFixtures(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.pipelines = context.getBean(PipelineService.class);
        this.opportunities = context.getBean(OpportunityService.class);
        this.accounts = context.getBean(AccountService.class);
        this.users = context.getBean(UserDetailsService.class);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public <T> T asSystem(Supplier<T> work) {
        return TenantContext.callAsSystem(DEMO_TENANT, null, work);
    }

    public <T> T as(NexoUser user, Supplier<T> work) {
        return LoggedIn.asPrincipal(user, work);
    }

    public <T> T asAdmin(Supplier<T> work) {
        return LoggedIn.asUser(users, ADMIN, work);
    }

    /** A new pipeline with four stages: Qualification 10 %, Proposal 30 %, Negotiation 60 %, Commit 90 %. */
    public Pipeline pipeline() {
        return asSystem(() -> {
            UUID id = pipelines.createPipeline(unique("Pipeline"));
            List<UUID> stages = new ArrayList<>();
            stages.add(pipelines.addStage(id, "Qualification", 10));
            stages.add(pipelines.addStage(id, "Proposal", 30));
            stages.add(pipelines.addStage(id, "Negotiation", 60));
            stages.add(pipelines.addStage(id, "Commit", 90));
            return new Pipeline(id, List.copyOf(stages));
        });
    }

    public UUID lostReason() {
        return asSystem(() -> pipelines.addLostReason(unique("Price")));
    }

    public UUID team(UUID... members) {
        return asSystem(() -> {
            UUID team = pipelines.createTeam(unique("Team"));
            for (UUID member : members) {
                pipelines.addMember(team, member);
            }
            return team;
        });
    }

    /** A new client account of the demo tenant. */
    public UUID account(String name) {
        return asAdmin(() -> accounts.create(AccountFixtures.company(name)));
    }

    /** A new employee of the demo tenant, logged in with exactly these permissions. */
    public NexoUser employee(String name, Set<String> permissions) {
        UUID id = UUID.randomUUID();
        String email = "crm-" + id.toString().substring(0, 12) + "@crm.test";
        asSystem(() -> transactions.execute(status -> jdbc.sql(
                        "INSERT INTO app_user (id, email, display_name, actor_type) VALUES (?, ?, ?, 'employee')")
                .params(id, email, name)
                .update()));
        return new NexoUser(
                id,
                DEMO_TENANT,
                email,
                name,
                ActorType.EMPLOYEE,
                null,
                true,
                Locale.of("es"),
                permissions,
                0,
                null,
                null);
    }

    /** An open opportunity in {@code stage} of {@code pipeline}, owned by {@code owner}, made as system work. */
    public UUID opportunity(Pipeline pipeline, int stage, UUID account, UUID owner, String title, String amount) {
        return asSystem(() -> opportunities.create(form(pipeline, stage, account, owner, title, amount)));
    }

    public static OpportunityForm form(
            Pipeline pipeline, int stage, UUID account, UUID owner, String title, String amount) {
        return new OpportunityForm(
                title,
                pipeline.id(),
                pipeline.stage(stage),
                account,
                null,
                new BigDecimal(amount),
                "EUR",
                null,
                LocalDate.of(2027, 3, 31),
                owner,
                null,
                null);
    }
}

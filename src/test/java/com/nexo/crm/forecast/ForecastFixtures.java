package com.nexo.crm.forecast;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.nexo.testing.LoggedIn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * A tenant of its own for CRM forecast tests: an administrator; three salespeople whose roles see
 * their own records ({@link #own}), their team's ({@link #teamMate}, in a team with {@link #own}) and
 * everything ({@link #manager}, who also sets targets); a pipeline with two stages; a client account.
 * Opportunities and targets are written with SQL as system work of the tenant.
 */
public final class ForecastFixtures {

    public static final String PASSWORD = "Prueba-2026!";

    private final UserDetailsService logins;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    public final UUID tenant;
    public final String admin;
    public final User own;
    public final User teamMate;
    public final User manager;
    public final User outsider;
    public final UUID team;
    public final UUID pipeline;
    public final UUID otherPipeline;
    public final UUID stage;
    public final UUID otherStage;
    public final UUID account;

    public record User(UUID id, String email) {}

    public ForecastFixtures(ApplicationContext context) {
        this.logins = context.getBean(UserDetailsService.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        UserService users = context.getBean(UserService.class);
        RoleService roles = context.getBean(RoleService.class);
        String code = unique("crm");
        tenant = TenantContext.callAsOperator(
                        null, () -> context.getBean(TenantService.class).createTenant(code, "CRM " + code, "es"))
                .id();
        admin = code + "-admin@crm.test";
        TenantContext.callAsSystem(
                tenant,
                null,
                () -> users.createUser(new NewUser(
                        admin, "Admin " + code, ActorType.EMPLOYEE, null, Set.of("administrator"), PASSWORD, "es")));
        as(admin, () -> {
            roles.createRole(new RoleDraft("crm-own", "CRM propio", null, Set.of("crm.read", "crm.forecast")));
            roles.createRole(
                    new RoleDraft("crm-team", "CRM equipo", null, Set.of("crm.read", "crm.forecast", "crm.team")));
            roles.createRole(new RoleDraft(
                    "crm-all", "CRM todo", null, Set.of("crm.read", "crm.forecast", "crm.all", "crm.settings")));
            roles.createRole(new RoleDraft("crm-none", "Sin CRM", null, Set.of("accounts.read")));
            return null;
        });
        own = user(users, code, "own", "Olga Propia", "crm-own");
        teamMate = user(users, code, "team", "Teo Equipo", "crm-team");
        manager = user(users, code, "all", "Mario Director", "crm-all");
        outsider = user(users, code, "none", "Nadia Nada", "crm-none");
        team = UUID.randomUUID();
        pipeline = UUID.randomUUID();
        otherPipeline = UUID.randomUUID();
        stage = UUID.randomUUID();
        otherStage = UUID.randomUUID();
        account = UUID.randomUUID();
        inTenant(() -> {
            jdbc.sql("INSERT INTO crm_team (id, name) VALUES (?, 'Norte')")
                    .param(team)
                    .update();
            jdbc.sql("INSERT INTO crm_team_member (team_id, user_id) VALUES (?, ?), (?, ?)")
                    .params(team, own.id(), team, teamMate.id())
                    .update();
            jdbc.sql(
                            "INSERT INTO crm_pipeline (id, name, is_default) VALUES (?, 'Ventas', true), (?, 'Proyectos', false)")
                    .params(pipeline, otherPipeline)
                    .update();
            jdbc.sql("""
                            INSERT INTO crm_stage (id, pipeline_id, name, position, probability)
                            VALUES (?, ?, 'Propuesta', 1, 40), (?, ?, 'Inicio', 1, 10)""").params(stage, pipeline, otherStage, otherPipeline).update();
            jdbc.sql("""
                            INSERT INTO account (id, code, kind, roles, legal_name)
                            VALUES (?, ?, 'ORGANIZATION', ARRAY['CLIENT'], 'Cliente de Previsión, S.L.')""").params(account, "C-" + code).update();
            return null;
        });
    }

    private User user(UserService users, String code, String suffix, String name, String role) {
        String email = code + "-" + suffix + "@crm.test";
        UUID id = TenantContext.callAsSystem(
                tenant,
                null,
                () -> users.createUser(
                        new NewUser(email, name, ActorType.EMPLOYEE, null, Set.of(role), PASSWORD, "es")));
        return new User(id, email);
    }

    /** An open opportunity in the main pipeline. */
    public UUID open(User owner, String amount, int probability, LocalDate expectedClose) {
        return opportunity(pipeline, stage, owner, amount, "EUR", probability, expectedClose, "OPEN", null);
    }

    /** A won opportunity, closed at {@code closedAt}. */
    public UUID won(User owner, String amount, Instant closedAt) {
        return opportunity(
                pipeline,
                stage,
                owner,
                amount,
                "EUR",
                100,
                LocalDate.ofInstant(closedAt, java.time.ZoneOffset.UTC),
                "WON",
                closedAt);
    }

    public UUID opportunity(
            UUID pipelineId,
            UUID stageId,
            User owner,
            String amount,
            String currency,
            int probability,
            LocalDate expectedClose,
            String status,
            Instant closedAt) {
        UUID id = UUID.randomUUID();
        inTenant(() -> jdbc.sql("""
                        INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, amount, currency,
                                                     probability, expected_close, owner_id, status, closed_at)
                        VALUES (:id, :title, :pipeline, :stage, :account, :amount, :currency, :probability,
                                :expectedClose, :owner, :status, :closedAt)""")
                .param("id", id)
                .param("title", "Oportunidad " + id.toString().substring(0, 8))
                .param("pipeline", pipelineId)
                .param("stage", stageId)
                .param("account", account)
                .param("amount", new BigDecimal(amount))
                .param("currency", currency)
                .param("probability", probability)
                .param("expectedClose", expectedClose)
                .param("owner", owner == null ? null : owner.id(), java.sql.Types.OTHER)
                .param("status", status)
                .param(
                        "closedAt",
                        closedAt == null ? null : closedAt.atOffset(java.time.ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update());
        return id;
    }

    /** A target of one salesperson (or, with null, of the whole tenant). */
    public void target(User owner, YearMonth month, String amount) {
        if (owner == null) {
            inTenant(() -> jdbc.sql("INSERT INTO crm_sales_target (id, month, amount) VALUES (?, ?, ?)")
                    .params(UUID.randomUUID(), month.atDay(1), new BigDecimal(amount))
                    .update());
            return;
        }
        inTenant(() -> jdbc.sql("INSERT INTO crm_sales_target (id, owner_id, month, amount) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), owner.id(), month.atDay(1), new BigDecimal(amount))
                .update());
    }

    public void teamTarget(YearMonth month, String amount) {
        inTenant(() -> jdbc.sql("INSERT INTO crm_sales_target (id, team_id, month, amount) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), team, month.atDay(1), new BigDecimal(amount))
                .update());
    }

    public <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(logins, email, work);
    }

    public <T> T as(User user, Supplier<T> work) {
        return as(user.email(), work);
    }

    /** In one transaction, as system work of the tenant. */
    public <T> T inTenant(Supplier<T> work) {
        return TenantContext.callAsSystem(tenant, null, () -> transactions.execute(status -> work.get()));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    static String unique(String prefix) {
        return (prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36))
                .toLowerCase(Locale.ROOT);
    }
}

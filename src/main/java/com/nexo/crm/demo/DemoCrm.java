package com.nexo.crm.demo;

import com.nexo.accounts.AccountDirectory;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenants' CRM, written once per tenant (a tenant that has a pipeline is left alone), in one
 * transaction, each table in one statement from arrays planned here (so the same plan gives the same
 * demo, dated around today): two pipelines with their stages and probabilities, lost reasons, a sales
 * team of the demo salespeople (the demo tenant gets two more salespeople for it), about sixty
 * opportunities spread over stages, owners and close months (some won, some lost), thirty leads of
 * every source, a hundred and fifty activities (overdue, today, upcoming, done, notes) and the year's
 * sales targets. Runs after the accounts (it names their clients) and the sales.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoCrm implements DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCrm.class);

    static final int OPPORTUNITIES = 60;
    static final int LEADS = 30;
    static final int ACTIVITIES = 150;

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final UserService users;
    private final UserDetailsService logins;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String password;

    DemoCrm(
            JdbcClient jdbc,
            AccountDirectory accounts,
            UserService users,
            UserDetailsService logins,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${nexo.demo.password}") String password) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.logins = logins;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.password = password;
    }

    @Override
    public void seed(DemoTenant tenant) {
        DemoCrmTexts texts = tenant == DemoTenant.DEMO ? DemoCrmTexts.SPANISH : DemoCrmTexts.ENGLISH;
        if (tenant == DemoTenant.DEMO) {
            for (String[] person : DemoCrmTexts.EXTRA_SALESPEOPLE) {
                if (userId(person[0]) == null) {
                    users.createUser(new NewUser(
                            person[0], person[1], ActorType.EMPLOYEE, null, Set.of("sales"), password, "es"));
                }
            }
        }
        // The login look-up runs outside a tenant's transaction (its function is the login role's).
        List<UUID> salespeople = texts.salespeople().stream()
                .map(this::userId)
                .filter(Objects::nonNull)
                .toList();
        transactions.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM crm_pipeline)")
                    .query(Boolean.class)
                    .single())) {
                return;
            }
            List<UUID> clients = texts.clients().stream()
                    .flatMap(name -> accounts.clientsMatching(name, 1).stream())
                    .map(AccountDirectory.AccountName::id)
                    .distinct()
                    .toList();
            if (salespeople.isEmpty() || clients.isEmpty()) {
                LOG.warn("Demo CRM skipped in {}: no salespeople or no clients", tenant.code());
                return;
            }
            long started = System.nanoTime();
            new DemoCrmPlan(jdbc, texts, salespeople, clients, LocalDate.now(clock), clock.getZone()).write();
            LOG.info(
                    "Demo CRM of {}: {} opportunities, {} leads, {} activities in {} ms",
                    tenant.code(),
                    OPPORTUNITIES,
                    LEADS,
                    ACTIVITIES,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    private UUID userId(String email) {
        try {
            return ((NexoUser) logins.loadUserByUsername(email)).userId();
        } catch (UsernameNotFoundException | ClassCastException gone) {
            return null;
        }
    }

    /** A demo moment: {@code day} at {@code hour}:{@code minute} in the business's zone. */
    static OffsetDateTime at(LocalDate day, int hour, int minute, ZoneId zone) {
        return day.atTime(hour, minute).atZone(zone).toOffsetDateTime();
    }

    static BigDecimal amount(long euros) {
        return BigDecimal.valueOf(euros).setScale(2);
    }

    /** The months targets are set for: this year's and next year's. */
    static List<YearMonth> targetMonths(LocalDate today) {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            months.add(YearMonth.of(today.getYear(), 1).plusMonths(m));
        }
        return months;
    }
}

package com.nexo.crm.forecast;

import com.nexo.crm.CrmPermissions;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales targets (table {@code crm_sales_target}): the twelve months of a year of one scope, read and
 * saved together. Saving writes only the months that changed, each at the version it was read at: a
 * month changed by someone else meanwhile refuses the whole save ({@code crm.targets.changed}).
 */
@Service
public class SalesTargetService {

    /** The largest target accepted (the column's precision). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private static final String OF_YEAR = """
            SELECT to_char(month, 'YYYY-MM') AS month, amount, version
              FROM crm_sales_target
             WHERE month >= :from AND month < :until AND currency = :currency
               AND owner_id IS NOT DISTINCT FROM :owner AND team_id IS NOT DISTINCT FROM :team""";

    private static final String INSERT = """
            INSERT INTO crm_sales_target (id, owner_id, team_id, month, amount, currency)
            VALUES (gen_random_uuid(), :owner, :team, :month, :amount, :currency)
            ON CONFLICT DO NOTHING""";

    private static final String UPDATE = """
            UPDATE crm_sales_target SET amount = :amount, updated_at = now(), version = version + 1
             WHERE month = :month AND currency = :currency AND version = :version
               AND owner_id IS NOT DISTINCT FROM :owner AND team_id IS NOT DISTINCT FROM :team""";

    private static final String DELETE = """
            DELETE FROM crm_sales_target
             WHERE month = :month AND currency = :currency AND version = :version
               AND owner_id IS NOT DISTINCT FROM :owner AND team_id IS NOT DISTINCT FROM :team""";

    private final JdbcClient jdbc;
    private final UserDirectory users;

    SalesTargetService(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Whose targets may be set: the tenant's salespeople (its active employees) and teams. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.SETTINGS)
    public ForecastChoices scopes() {
        List<ForecastChoices.Choice> teams = jdbc.sql("SELECT id, name FROM crm_team WHERE NOT archived ORDER BY name")
                .query((rs, n) -> new ForecastChoices.Choice(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        List<ForecastChoices.Choice> owners = users.activeEmployees().stream()
                .map(user -> new ForecastChoices.Choice(user.id(), user.displayName()))
                .toList();
        return new ForecastChoices(List.of(), owners, teams);
    }

    /** The twelve months of {@code year} of a scope, each with its target or none. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.SETTINGS, CrmPermissions.FORECAST})
    public List<MonthTarget> year(TargetScope scope, int year, String currency) {
        Map<YearMonth, MonthTarget> found = new HashMap<>();
        jdbc.sql(OF_YEAR)
                .param("from", YearMonth.of(year, 1).atDay(1))
                .param("until", YearMonth.of(year + 1, 1).atDay(1))
                .param("currency", currency)
                .param("owner", scope.ownerId(), java.sql.Types.OTHER)
                .param("team", scope.teamId(), java.sql.Types.OTHER)
                .query((RowCallbackHandler) rs -> {
                    YearMonth month = YearMonth.parse(rs.getString("month"));
                    found.put(month, new MonthTarget(month, rs.getBigDecimal("amount"), rs.getLong("version")));
                });
        List<MonthTarget> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            months.add(found.getOrDefault(month, new MonthTarget(month, null, null)));
        }
        return months;
    }

    /**
     * Saves the months of {@code targets} (those the user changed, each with the version {@link #year}
     * read): a new target, a changed one, or one removed (amount null). Refused with nothing saved:
     * a negative or too large amount ({@code crm.targets.amount}), a month changed meanwhile ({@code
     * crm.targets.changed}).
     */
    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public int save(TargetScope scope, String currency, List<MonthTarget> targets) {
        int written = 0;
        for (MonthTarget target : targets) {
            BigDecimal amount = target.amount();
            if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2)) {
                throw new ForecastRuleException("crm.targets.amount");
            }
            JdbcClient.StatementSpec statement;
            if (target.version() == null) {
                if (amount == null) {
                    continue;
                }
                statement = jdbc.sql(INSERT).param("amount", amount);
            } else if (amount == null) {
                statement = jdbc.sql(DELETE).param("version", target.version());
            } else {
                statement = jdbc.sql(UPDATE).param("amount", amount).param("version", target.version());
            }
            int rows = statement
                    .param("month", target.month().atDay(1))
                    .param("currency", currency)
                    .param("owner", scope.ownerId(), java.sql.Types.OTHER)
                    .param("team", scope.teamId(), java.sql.Types.OTHER)
                    .update();
            if (rows != 1) {
                throw new ForecastRuleException("crm.targets.changed");
            }
            written++;
        }
        return written;
    }
}

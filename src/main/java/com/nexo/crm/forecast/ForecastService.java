package com.nexo.crm.forecast;

import static com.nexo.crm.forecast.ForecastArithmetic.add;
import static com.nexo.crm.forecast.ForecastArithmetic.money;
import static com.nexo.crm.forecast.ForecastArithmetic.percent;

import com.nexo.crm.CrmPermissions;
import com.nexo.crm.forecast.Forecast.Figures;
import com.nexo.crm.forecast.Forecast.MonthFigures;
import com.nexo.crm.forecast.Forecast.OwnerFigures;
import com.nexo.crm.visibility.CrmVisibility;
import com.nexo.crm.visibility.Visibility;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast (see {@link ForecastArithmetic} for its rules): three set-based reads in one
 * transaction, the open opportunities by month of expected close and owner, the won ones by month of
 * closing and owner, and the targets of the period, folded here into months, owners and totals. Only
 * what the user sees counts ({@link CrmVisibility}).
 *
 * <p>Which target a figure is compared with: with an owner chosen, that owner's; with a team chosen,
 * the team's; otherwise the whole tenant's for a user who sees every record, and the sum of the
 * targets of the owners it sees for anyone else. In the table by owner, each owner's own. A team
 * filter counts the opportunities owned by the team's members.
 */
@Service
public class ForecastService {

    private static final String OPEN = """
            SELECT to_char(o.expected_close, 'YYYY-MM') AS month, o.owner_id,
                   sum(o.amount) AS pipeline, sum(o.amount * o.probability) / 100 AS weighted, count(*) AS n
              FROM crm_opportunity o
             WHERE o.status = 'OPEN' AND o.expected_close >= :from AND o.expected_close < :until
               AND o.currency = :currency""";

    private static final String WON = """
            SELECT to_char(o.closed_at AT TIME ZONE :zone, 'YYYY-MM') AS month, o.owner_id,
                   sum(o.amount) AS won, count(*) AS n
              FROM crm_opportunity o
             WHERE o.status = 'WON' AND o.closed_at >= :fromMoment AND o.closed_at < :untilMoment
               AND o.currency = :currency""";

    private static final String TARGETS = """
            SELECT to_char(t.month, 'YYYY-MM') AS month, t.owner_id, t.team_id, t.amount
              FROM crm_sales_target t
             WHERE t.month >= :from AND t.month < :until AND t.currency = :currency""";

    private static final String GROUPED = " GROUP BY 1, 2";

    private final JdbcClient jdbc;
    private final CrmVisibility visibility;
    private final UserDirectory users;
    private final Clock clock;

    ForecastService(JdbcClient jdbc, CrmVisibility visibility, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.users = users;
        this.clock = clock;
    }

    /** The period a choice means today, on the business's calendar. */
    @RolesAllowed(CrmPermissions.FORECAST)
    public ForecastPeriod period(ForecastPeriod.Choice choice) {
        return choice.on(LocalDate.now(clock));
    }

    /** The forecast of {@code period} for {@code filter}, of what the current user sees. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.FORECAST)
    public Forecast forecast(ForecastPeriod period, ForecastFilter filter) {
        Visibility seen = visibility.current();
        ZoneId zone = clock.getZone();
        Map<YearMonth, BigDecimal> pipelineByMonth = new HashMap<>();
        Map<YearMonth, BigDecimal> weightedByMonth = new HashMap<>();
        Map<YearMonth, Long> openByMonth = new HashMap<>();
        Map<YearMonth, BigDecimal> wonByMonth = new HashMap<>();
        Map<YearMonth, Long> wonCountByMonth = new HashMap<>();
        Map<UUID, BigDecimal> pipelineByOwner = new HashMap<>();
        Map<UUID, BigDecimal> weightedByOwner = new HashMap<>();
        Map<UUID, Long> openByOwner = new HashMap<>();
        Map<UUID, BigDecimal> wonByOwner = new HashMap<>();
        Map<UUID, Long> wonCountByOwner = new HashMap<>();
        Set<UUID> owners = new HashSet<>();

        JdbcClient.StatementSpec open = opportunities(OPEN, filter, seen)
                .param("from", period.from().atDay(1))
                .param("until", period.until());
        open.query((RowCallbackHandler) rs -> {
            YearMonth month = YearMonth.parse(rs.getString("month"));
            UUID owner = rs.getObject("owner_id", UUID.class);
            long n = rs.getLong("n");
            owners.add(owner);
            add(pipelineByMonth, month, rs.getBigDecimal("pipeline"));
            add(weightedByMonth, month, rs.getBigDecimal("weighted"));
            openByMonth.merge(month, n, Long::sum);
            add(pipelineByOwner, owner, rs.getBigDecimal("pipeline"));
            add(weightedByOwner, owner, rs.getBigDecimal("weighted"));
            openByOwner.merge(owner, n, Long::sum);
        });
        JdbcClient.StatementSpec won = opportunities(WON, filter, seen)
                .param("zone", zone.getId())
                .param(
                        "fromMoment",
                        ForecastArithmetic.startOf(period.from(), zone).atOffset(ZoneOffset.UTC))
                .param(
                        "untilMoment",
                        ForecastArithmetic.startOf(period.to().plusMonths(1), zone)
                                .atOffset(ZoneOffset.UTC));
        won.query((RowCallbackHandler) rs -> {
            YearMonth month = YearMonth.parse(rs.getString("month"));
            UUID owner = rs.getObject("owner_id", UUID.class);
            long n = rs.getLong("n");
            owners.add(owner);
            add(wonByMonth, month, rs.getBigDecimal("won"));
            wonCountByMonth.merge(month, n, Long::sum);
            add(wonByOwner, owner, rs.getBigDecimal("won"));
            wonCountByOwner.merge(owner, n, Long::sum);
        });

        Targets targets = targets(period, filter, seen);
        owners.addAll(targets.byOwner().keySet());

        List<MonthFigures> months = new ArrayList<>();
        for (YearMonth month : ForecastArithmetic.months(period.from(), period.to())) {
            months.add(new MonthFigures(
                    month,
                    figures(
                            pipelineByMonth.get(month),
                            weightedByMonth.get(month),
                            openByMonth.getOrDefault(month, 0L),
                            wonByMonth.get(month),
                            wonCountByMonth.getOrDefault(month, 0L),
                            targets.byMonth().get(month))));
        }
        Map<UUID, String> names =
                users.namesOf(owners.stream().filter(Objects::nonNull).toList());
        List<OwnerFigures> byOwner = owners.stream()
                .map(owner -> new OwnerFigures(
                        owner,
                        owner == null ? null : names.getOrDefault(owner, "?"),
                        figures(
                                pipelineByOwner.get(owner),
                                weightedByOwner.get(owner),
                                openByOwner.getOrDefault(owner, 0L),
                                wonByOwner.get(owner),
                                wonCountByOwner.getOrDefault(owner, 0L),
                                targets.byOwner().get(owner))))
                .sorted(Comparator.comparing((OwnerFigures row) -> row.figures().weighted())
                        .reversed()
                        .thenComparing(row -> row.ownerName() == null ? "" : row.ownerName()))
                .toList();
        Figures total = figures(
                sum(pipelineByMonth),
                sum(weightedByMonth),
                openByMonth.values().stream().mapToLong(Long::longValue).sum(),
                sum(wonByMonth),
                wonCountByMonth.values().stream().mapToLong(Long::longValue).sum(),
                targets.byMonth().isEmpty() ? null : sum(targets.byMonth()));
        return new Forecast(period, filter, months, byOwner, total);
    }

    /** What the forecast page's filters offer: pipelines, salespeople and teams of the tenant. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.FORECAST)
    public ForecastChoices choices() {
        List<ForecastChoices.Choice> pipelines = jdbc.sql("""
                        SELECT id, name FROM crm_pipeline WHERE NOT archived ORDER BY is_default DESC, position, name""")
                .query((rs, n) -> new ForecastChoices.Choice(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        List<ForecastChoices.Choice> teams = jdbc.sql("SELECT id, name FROM crm_team WHERE NOT archived ORDER BY name")
                .query((rs, n) -> new ForecastChoices.Choice(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        Visibility seen = visibility.current();
        List<ForecastChoices.Choice> owners = users.activeEmployees().stream()
                .filter(user -> seen.sees(user.id()))
                .map(user -> new ForecastChoices.Choice(user.id(), user.displayName()))
                .toList();
        return new ForecastChoices(pipelines, owners, teams);
    }

    /** The statement of {@code sql} with the filter's and the visibility's conditions, grouped. */
    private JdbcClient.StatementSpec opportunities(String sql, ForecastFilter filter, Visibility seen) {
        StringBuilder where = new StringBuilder(sql);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("currency", filter.currency());
        if (filter.pipelineId() != null) {
            where.append(" AND o.pipeline_id = :pipeline");
            params.put("pipeline", filter.pipelineId());
        }
        if (filter.ownerId() != null) {
            where.append(" AND o.owner_id = :owner");
            params.put("owner", filter.ownerId());
        }
        if (filter.teamId() != null) {
            where.append(" AND o.owner_id IN (SELECT m.user_id FROM crm_team_member m WHERE m.team_id = :team)");
            params.put("team", filter.teamId());
        }
        if (!seen.all()) {
            where.append(
                    seen.unowned()
                            ? " AND (o.owner_id = ANY(CAST(:owners AS uuid[])) OR o.owner_id IS NULL)"
                            : " AND o.owner_id = ANY(CAST(:owners AS uuid[]))");
            params.put("owners", seen.ownerArray());
        }
        where.append(GROUPED);
        JdbcClient.StatementSpec statement = jdbc.sql(where.toString());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement;
    }

    /** The targets to compare with: by month for the filter's scope, and each seen owner's. */
    private Targets targets(ForecastPeriod period, ForecastFilter filter, Visibility seen) {
        Map<YearMonth, BigDecimal> byMonth = new HashMap<>();
        Map<UUID, BigDecimal> byOwner = new HashMap<>();
        jdbc.sql(TARGETS)
                .param("from", period.from().atDay(1))
                .param("until", period.until())
                .param("currency", filter.currency())
                .query((RowCallbackHandler) rs -> {
                    YearMonth month = YearMonth.parse(rs.getString("month"));
                    UUID owner = rs.getObject("owner_id", UUID.class);
                    UUID team = rs.getObject("team_id", UUID.class);
                    BigDecimal amount = rs.getBigDecimal("amount");
                    boolean ownerSeen = owner != null
                            && seen.sees(owner)
                            && (filter.ownerId() == null || filter.ownerId().equals(owner));
                    if (ownerSeen && filter.teamId() == null) {
                        add(byOwner, owner, amount);
                    }
                    boolean counts;
                    if (filter.ownerId() != null) {
                        counts = filter.ownerId().equals(owner);
                    } else if (filter.teamId() != null) {
                        counts = filter.teamId().equals(team);
                    } else if (seen.all()) {
                        counts = owner == null && team == null;
                    } else {
                        counts = ownerSeen;
                    }
                    if (counts) {
                        add(byMonth, month, amount);
                    }
                });
        return new Targets(byMonth, byOwner);
    }

    private static Figures figures(
            BigDecimal pipeline, BigDecimal weighted, long open, BigDecimal won, long wonCount, BigDecimal target) {
        BigDecimal wonMoney = money(won);
        BigDecimal targetMoney = target == null ? null : money(target);
        return new Figures(
                money(pipeline),
                money(weighted),
                open,
                wonMoney,
                wonCount,
                targetMoney,
                percent(wonMoney, targetMoney));
    }

    private static BigDecimal sum(Map<?, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Targets(Map<YearMonth, BigDecimal> byMonth, Map<UUID, BigDecimal> byOwner) {}
}

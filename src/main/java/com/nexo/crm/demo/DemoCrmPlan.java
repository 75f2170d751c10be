package com.nexo.crm.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One demo tenant's CRM, planned row by row from fixed rules (no randomness: the same day gives the
 * same demo) and written one statement per table, each an {@code INSERT ... SELECT} over the planned
 * arrays, in the caller's transaction under the tenant's row-level security.
 */
final class DemoCrmPlan {

    private static final String[] SOURCES = {"MANUAL", "WEB", "IMPORT", "REFERRAL", "EVENT", "CAMPAIGN", "OTHER"};

    private final JdbcClient jdbc;
    private final DemoCrmTexts texts;
    private final List<UUID> salespeople;
    private final List<UUID> clients;
    private final LocalDate today;
    private final ZoneId zone;

    DemoCrmPlan(
            JdbcClient jdbc,
            DemoCrmTexts texts,
            List<UUID> salespeople,
            List<UUID> clients,
            LocalDate today,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.salespeople = salespeople;
        this.clients = clients;
        this.today = today;
        this.zone = zone;
    }

    void write() {
        // Pipelines and stages.
        List<UUID> pipelines = List.of(UUID.randomUUID(), UUID.randomUUID());
        jdbc.sql("""
                        INSERT INTO crm_pipeline (id, name, position, is_default)
                        SELECT p.id, p.name, p.n - 1, p.n = 1
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[])) WITH ORDINALITY AS p(id, name, n)""")
                .param("ids", pipelines.toArray(UUID[]::new))
                .param("names", texts.pipelines().toArray(String[]::new))
                .update();
        List<List<UUID>> stages = new ArrayList<>();
        List<UUID> stageIds = new ArrayList<>();
        List<UUID> stagePipelines = new ArrayList<>();
        List<String> stageNames = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Integer> probabilities = new ArrayList<>();
        for (int p = 0; p < pipelines.size(); p++) {
            List<UUID> ofPipeline = new ArrayList<>();
            for (int s = 0; s < texts.stages().get(p).size(); s++) {
                UUID id = UUID.randomUUID();
                ofPipeline.add(id);
                stageIds.add(id);
                stagePipelines.add(pipelines.get(p));
                stageNames.add(texts.stages().get(p).get(s));
                positions.add(s + 1);
                probabilities.add(texts.probabilities().get(p).get(s));
            }
            stages.add(ofPipeline);
        }
        jdbc.sql("""
                        INSERT INTO crm_stage (id, pipeline_id, name, position, probability)
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:pipelines AS uuid[]), CAST(:names AS text[]),
                                             CAST(:positions AS integer[]), CAST(:probabilities AS smallint[]))""")
                .param("ids", stageIds.toArray(UUID[]::new))
                .param("pipelines", stagePipelines.toArray(UUID[]::new))
                .param("names", stageNames.toArray(String[]::new))
                .param("positions", positions.toArray(Integer[]::new))
                .param("probabilities", probabilities.toArray(Integer[]::new))
                .update();

        // Lost reasons, the team.
        List<UUID> lostReasons =
                texts.lostReasons().stream().map(name -> UUID.randomUUID()).toList();
        jdbc.sql("""
                        INSERT INTO crm_lost_reason (id, name, position)
                        SELECT r.id, r.name, r.n FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]))
                                                      WITH ORDINALITY AS r(id, name, n)""")
                .param("ids", lostReasons.toArray(UUID[]::new))
                .param("names", texts.lostReasons().toArray(String[]::new))
                .update();
        UUID team = UUID.randomUUID();
        jdbc.sql("INSERT INTO crm_team (id, name) VALUES (?, ?)")
                .params(team, texts.teamName())
                .update();
        jdbc.sql("""
                        INSERT INTO crm_team_member (team_id, user_id)
                        SELECT :team, u FROM unnest(CAST(:users AS uuid[])) AS u""")
                .param("team", team)
                .param("users", salespeople.toArray(UUID[]::new))
                .update();

        List<UUID> opportunities = opportunities(pipelines, stages, lostReasons, team);
        List<UUID> leads = leads(team);
        activities(opportunities, leads);
        targets(team);
    }

    /** Sixty opportunities: one in ten won last months, one in ten lost, the rest open over nine months. */
    private List<UUID> opportunities(List<UUID> pipelines, List<List<UUID>> stages, List<UUID> lostReasons, UUID team) {
        int n = DemoCrm.OPPORTUNITIES;
        UUID[] ids = new UUID[n];
        String[] titles = new String[n];
        UUID[] pipelineIds = new UUID[n];
        UUID[] stageIds = new UUID[n];
        UUID[] accounts = new UUID[n];
        BigDecimal[] amounts = new BigDecimal[n];
        Integer[] probabilityOf = new Integer[n];
        LocalDate[] closes = new LocalDate[n];
        UUID[] owners = new UUID[n];
        UUID[] teams = new UUID[n];
        String[] statuses = new String[n];
        OffsetDateTime[] closedAt = new OffsetDateTime[n];
        UUID[] reasons = new UUID[n];
        OffsetDateTime[] createdAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            int p = i % 4 == 3 ? 1 : 0;
            List<UUID> ofPipeline = stages.get(p);
            int s = (i * 7 + i / 5) % ofPipeline.size();
            ids[i] = UUID.randomUUID();
            titles[i] = texts.deals().get(i % texts.deals().size());
            pipelineIds[i] = pipelines.get(p);
            stageIds[i] = ofPipeline.get(s);
            accounts[i] = clients.get((i * 3) % clients.size());
            amounts[i] = DemoCrm.amount(1_500 + (i * 7_919L) % 38_000 / 50 * 50);
            probabilityOf[i] = texts.probabilities().get(p).get(s);
            // One in eight belongs to nobody yet.
            owners[i] = i % 8 == 7 ? null : salespeople.get(i % salespeople.size());
            teams[i] = owners[i] == null ? null : team;
            createdAt[i] = DemoCrm.at(today.minusDays(20 + (i * 11) % 150), 9 + i % 8, (i * 7) % 60, zone);
            if (i % 10 == 0 || i % 10 == 5) {
                // Won, some in each of the last months and this one.
                LocalDate won = today.minusDays((i * 13) % 170);
                statuses[i] = "WON";
                closedAt[i] = DemoCrm.at(won, 10 + i % 7, 15, zone);
                closes[i] = won;
                probabilityOf[i] = 100;
            } else if (i % 10 == 3) {
                LocalDate lost = today.minusDays(5 + (i * 17) % 120);
                statuses[i] = "LOST";
                closedAt[i] = DemoCrm.at(lost, 16, 40, zone);
                closes[i] = lost;
                reasons[i] = lostReasons.get(i % lostReasons.size());
            } else {
                statuses[i] = "OPEN";
                // A few overdue, most within the next eight months, more of them soon.
                int days = i % 9 == 4 ? -((i % 20) + 3) : (i * i * 5) % 240;
                closes[i] = today.plusDays(days);
            }
            if (closedAt[i] != null && createdAt[i].isAfter(closedAt[i])) {
                createdAt[i] = closedAt[i].minusDays(30);
            }
        }
        jdbc.sql("""
                        INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, amount, probability,
                                                     expected_close, owner_id, team_id, status, closed_at, lost_reason_id,
                                                     stage_entered_at, created_at, updated_at)
                        SELECT o.id, o.title, o.pipeline_id, o.stage_id, o.account_id, o.amount, o.probability,
                               o.expected_close, o.owner_id, o.team_id, o.status, o.closed_at, o.lost_reason_id,
                               o.created_at, o.created_at, coalesce(o.closed_at, o.created_at)
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:titles AS text[]), CAST(:pipelines AS uuid[]),
                                      CAST(:stages AS uuid[]), CAST(:accounts AS uuid[]), CAST(:amounts AS numeric[]),
                                      CAST(:probabilities AS smallint[]), CAST(:closes AS date[]),
                                      CAST(:owners AS uuid[]), CAST(:teams AS uuid[]), CAST(:statuses AS text[]),
                                      CAST(:closedAt AS timestamptz[]), CAST(:reasons AS uuid[]),
                                      CAST(:createdAt AS timestamptz[]))
                               AS o(id, title, pipeline_id, stage_id, account_id, amount, probability, expected_close,
                                    owner_id, team_id, status, closed_at, lost_reason_id, created_at)""")
                .param("ids", ids)
                .param("titles", titles)
                .param("pipelines", pipelineIds)
                .param("stages", stageIds)
                .param("accounts", accounts)
                .param("amounts", amounts)
                .param("probabilities", probabilityOf)
                .param("closes", dates(closes))
                .param("owners", owners)
                .param("teams", teams)
                .param("statuses", statuses)
                .param("closedAt", moments(closedAt))
                .param("reasons", reasons)
                .param("createdAt", moments(createdAt))
                .update();
        return List.of(ids);
    }

    /** Thirty leads from every source, new, being worked and a few dropped. */
    private List<UUID> leads(UUID team) {
        int n = DemoCrm.LEADS;
        UUID[] ids = new UUID[n];
        String[] people = new String[n];
        String[] companies = new String[n];
        String[] emails = new String[n];
        String[] phones = new String[n];
        String[] sources = new String[n];
        String[] interests = new String[n];
        String[] regions = new String[n];
        UUID[] owners = new UUID[n];
        UUID[] teams = new UUID[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        OffsetDateTime[] createdAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            String person = texts.people().get(i % texts.people().size());
            people[i] = i % 5 == 4 ? null : person;
            companies[i] = i % 3 == 1
                    ? null
                    : texts.companies().get(i % texts.companies().size());
            if (people[i] == null && companies[i] == null) {
                people[i] = person;
            }
            emails[i] =
                    person.toLowerCase(java.util.Locale.ROOT).replace(' ', '.').replaceAll("[^a-z.]", "") + (i + 1)
                            + "@example.com";
            phones[i] = i % 2 == 0 ? "+34 976 " + (100_000 + i * 3_517 % 900_000) : null;
            sources[i] = SOURCES[i % SOURCES.length];
            interests[i] = texts.interests().get(i % texts.interests().size());
            regions[i] = texts.regions().get(i % texts.regions().size());
            owners[i] = i % 6 == 5 ? null : salespeople.get(i % salespeople.size());
            teams[i] = team;
            statuses[i] = i % 10 == 9 ? "DISQUALIFIED" : i % 3 == 0 ? "WORKING" : "NEW";
            reasons[i] =
                    "DISQUALIFIED".equals(statuses[i]) ? texts.lostReasons().get(3) : null;
            createdAt[i] = DemoCrm.at(today.minusDays((i * 5) % 60), 8 + i % 10, (i * 13) % 60, zone);
        }
        jdbc.sql("""
                        INSERT INTO crm_lead (id, person_name, company_name, email, phone, source, interest, region,
                                              owner_id, team_id, status, disqualified_reason, created_at, updated_at)
                        SELECT l.*, l.created_at
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:people AS text[]), CAST(:companies AS text[]),
                                      CAST(:emails AS text[]), CAST(:phones AS text[]), CAST(:sources AS text[]),
                                      CAST(:interests AS text[]), CAST(:regions AS text[]), CAST(:owners AS uuid[]),
                                      CAST(:teams AS uuid[]), CAST(:statuses AS text[]), CAST(:reasons AS text[]),
                                      CAST(:createdAt AS timestamptz[]))
                               AS l(id, person_name, company_name, email, phone, source, interest, region, owner_id,
                                    team_id, status, disqualified_reason, created_at)""")
                .param("ids", ids)
                .param("people", people)
                .param("companies", companies)
                .param("emails", emails)
                .param("phones", phones)
                .param("sources", sources)
                .param("interests", interests)
                .param("regions", regions)
                .param("owners", owners)
                .param("teams", teams)
                .param("statuses", statuses)
                .param("reasons", reasons)
                .param("createdAt", moments(createdAt))
                .update();
        return List.of(ids);
    }

    /**
     * A hundred and fifty activities of the salespeople: on opportunities (with their account) and on
     * leads; overdue, due today, upcoming, done, and notes.
     */
    private void activities(List<UUID> opportunities, List<UUID> leads) {
        int n = DemoCrm.ACTIVITIES;
        UUID[] ids = new UUID[n];
        String[] kinds = new String[n];
        String[] subjects = new String[n];
        UUID[] leadIds = new UUID[n];
        UUID[] opportunityIds = new UUID[n];
        OffsetDateTime[] dueAt = new OffsetDateTime[n];
        Integer[] durations = new Integer[n];
        UUID[] assignees = new UUID[n];
        Boolean[] done = new Boolean[n];
        OffsetDateTime[] doneAt = new OffsetDateTime[n];
        OffsetDateTime[] remindAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            int kind = i % 7;
            kinds[i] = kind < 3 ? "CALL" : kind < 5 ? "TASK" : kind == 5 ? "MEETING" : "NOTE";
            List<String> subjectsOfKind = switch (kinds[i]) {
                case "CALL" -> texts.calls();
                case "MEETING" -> texts.meetings();
                case "TASK" -> texts.tasks();
                default -> texts.notes();
            };
            subjects[i] = subjectsOfKind.get(i % subjectsOfKind.size());
            if (i % 5 == 4) {
                leadIds[i] = leads.get(i % leads.size());
            } else {
                opportunityIds[i] = opportunities.get((i * 7) % opportunities.size());
            }
            assignees[i] = salespeople.get(i % salespeople.size());
            done[i] = false;
            if (!"NOTE".equals(kinds[i])) {
                // Overdue, today, upcoming and done, in turn.
                int when = (i / 7) % 4;
                LocalDate day = switch (when) {
                    case 0 -> today.minusDays(1 + i % 9);
                    case 1 -> today;
                    case 2 -> today.plusDays(1 + i % 21);
                    default -> today.minusDays(2 + i % 30);
                };
                dueAt[i] = DemoCrm.at(day, 9 + i % 9, i % 2 == 0 ? 0 : 30, zone);
                durations[i] = "MEETING".equals(kinds[i])
                        ? Integer.valueOf(60)
                        : "CALL".equals(kinds[i]) ? Integer.valueOf(15) : null;
                if (when == 3) {
                    done[i] = true;
                    doneAt[i] = dueAt[i].plusMinutes(20);
                } else if (when == 2) {
                    remindAt[i] = dueAt[i].minusMinutes(30);
                }
            }
        }
        jdbc.sql("""
                        INSERT INTO crm_activity (id, kind, subject, lead_id, opportunity_id, account_id, due_at,
                                                  duration_min, assignee_id, done, done_at, remind_at)
                        SELECT a.id, a.kind, a.subject, a.lead_id, a.opportunity_id, o.account_id, a.due_at,
                               a.duration_min, a.assignee_id, a.done, a.done_at, a.remind_at
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[]), CAST(:subjects AS text[]),
                                      CAST(:leads AS uuid[]), CAST(:opportunities AS uuid[]),
                                      CAST(:dueAt AS timestamptz[]), CAST(:durations AS integer[]),
                                      CAST(:assignees AS uuid[]), CAST(:done AS boolean[]),
                                      CAST(:doneAt AS timestamptz[]), CAST(:remindAt AS timestamptz[]))
                               AS a(id, kind, subject, lead_id, opportunity_id, due_at, duration_min, assignee_id,
                                    done, done_at, remind_at)
                          LEFT JOIN crm_opportunity o ON o.id = a.opportunity_id""")
                .param("ids", ids)
                .param("kinds", kinds)
                .param("subjects", subjects)
                .param("leads", leadIds)
                .param("opportunities", opportunityIds)
                .param("dueAt", moments(dueAt))
                .param("durations", durations)
                .param("assignees", assignees)
                .param("done", done)
                .param("doneAt", moments(doneAt))
                .param("remindAt", moments(remindAt))
                .update();
    }

    /** This year's and next year's targets: the company's, the team's and each salesperson's share, every month. */
    private void targets(UUID team) {
        List<YearMonth> months = DemoCrm.targetMonths(today);
        long perPerson = 18_000;
        long company = perPerson * salespeople.size() + 6_000;
        jdbc.sql("""
                        INSERT INTO crm_sales_target (id, owner_id, team_id, month, amount)
                        SELECT gen_random_uuid(), CAST(NULL AS uuid), CAST(NULL AS uuid), m, :company FROM unnest(CAST(:months AS date[])) AS m
                        UNION ALL
                        SELECT gen_random_uuid(), CAST(NULL AS uuid), CAST(:team AS uuid), m, :teamAmount FROM unnest(CAST(:months AS date[])) AS m
                        UNION ALL
                        SELECT gen_random_uuid(), u, CAST(NULL AS uuid), m, :person
                          FROM unnest(CAST(:months AS date[])) AS m CROSS JOIN unnest(CAST(:users AS uuid[])) AS u""")
                .param("months", months.stream().map(m -> m.atDay(1).toString()).toArray(String[]::new))
                .param("company", DemoCrm.amount(company))
                .param("team", team)
                .param("teamAmount", DemoCrm.amount(perPerson * salespeople.size()))
                .param("person", DemoCrm.amount(perPerson))
                .param("users", salespeople.toArray(UUID[]::new))
                .update();
    }

    private static String[] dates(LocalDate[] days) {
        String[] texts = new String[days.length];
        for (int i = 0; i < days.length; i++) {
            texts[i] = days[i] == null ? null : days[i].toString();
        }
        return texts;
    }

    private static String[] moments(OffsetDateTime[] moments) {
        String[] texts = new String[moments.length];
        for (int i = 0; i < moments.length; i++) {
            texts[i] = moments[i] == null ? null : moments[i].toString();
        }
        return texts;
    }
}

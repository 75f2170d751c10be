package com.nexo.crm.volume;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Volume for CRM benchmarks, outside the production jar: in the caller's transaction bound to one
 * tenant (row-level security applies, {@code tenant_id} comes from the context), a pipeline of six
 * stages, a hundred client accounts, {@code opportunities} opportunities (nine in ten open, spread over
 * the stages, the owners and two years of close dates; the rest won or lost) and {@code activities}
 * activities on them (a quarter done; due from a year ago to a year ahead), each table in one
 * {@code INSERT ... SELECT} over {@code generate_series}. Owners and assignees cycle through {@code
 * owners}. Returns what it made, for the benchmark to name.
 */
public final class CrmVolumeGenerator {

    /** What was generated: the pipeline, its stages in order, and the counts. */
    public record Generated(UUID pipelineId, List<UUID> stageIds, long opportunities, long activities, Duration took) {}

    private final JdbcClient jdbc;

    public CrmVolumeGenerator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Generated generate(List<UUID> owners, int opportunities, int activities) {
        long started = System.nanoTime();
        UUID pipeline = UUID.randomUUID();
        String tag = pipeline.toString().substring(0, 8);
        jdbc.sql("INSERT INTO crm_pipeline (id, name) VALUES (?, ?)")
                .params(pipeline, "Volumen " + tag)
                .update();
        jdbc.sql("""
                        INSERT INTO crm_stage (id, pipeline_id, name, position, probability)
                        SELECT gen_random_uuid(), :pipeline, 'Etapa ' || s, s, (s * 15)::smallint
                          FROM generate_series(1, 6) s""").param("pipeline", pipeline).update();
        List<UUID> ordered = jdbc.sql("SELECT id FROM crm_stage WHERE pipeline_id = ? ORDER BY position")
                .param(pipeline)
                .query(UUID.class)
                .list();
        UUID[] accounts =
                jdbc.sql("""
                        INSERT INTO account (id, code, kind, roles, legal_name)
                        SELECT gen_random_uuid(), 'VOL-' || :tag || '-' || g, 'ORGANIZATION', ARRAY['CLIENT'],
                               'Cliente de volumen ' || :tag || ' ' || g
                          FROM generate_series(1, 100) g
                        RETURNING id""").param("tag", tag).query(UUID.class).list().toArray(UUID[]::new);
        long made = jdbc.sql("""
                        INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, amount, probability,
                                                     expected_close, owner_id, status, closed_at)
                        SELECT gen_random_uuid(), 'Oportunidad ' || g, :pipeline,
                               (CAST(:stages AS uuid[]))[1 + g % 6],
                               (CAST(:accounts AS uuid[]))[1 + g % 100],
                               (500 + (g * 7919) % 50000)::numeric(14, 2),
                               (15 * (1 + g % 6))::smallint,
                               current_date - 365 + (g * 37) % 730,
                               (CAST(:owners AS uuid[]))[1 + g % cardinality(CAST(:owners AS uuid[]))],
                               CASE WHEN g % 10 = 0 THEN 'WON' WHEN g % 10 = 5 THEN 'LOST' ELSE 'OPEN' END,
                               CASE WHEN g % 5 = 0 THEN now() - (g % 365) * interval '1 day' END
                          FROM generate_series(1, :n) g""")
                .param("pipeline", pipeline)
                .param("stages", ordered.toArray(UUID[]::new))
                .param("accounts", accounts)
                .param("owners", owners.toArray(UUID[]::new))
                .param("n", opportunities)
                .update();
        long activityCount = activities == 0
                ? 0
                : jdbc.sql("""
                                WITH o AS (
                                    SELECT id, account_id, row_number() OVER (ORDER BY id) AS n
                                      FROM crm_opportunity WHERE pipeline_id = :pipeline)
                                INSERT INTO crm_activity (id, kind, subject, opportunity_id, account_id, due_at,
                                                          assignee_id, done, done_at)
                                SELECT gen_random_uuid(),
                                       (ARRAY['CALL', 'MEETING', 'TASK', 'CALL'])[1 + g % 4],
                                       'Actividad ' || g, o.id, o.account_id,
                                       now() - interval '365 days' + (g * 7919 % 730) * interval '1 day'
                                           + (g % 10) * interval '1 hour',
                                       (CAST(:owners AS uuid[]))[1 + g % cardinality(CAST(:owners AS uuid[]))],
                                       g % 4 = 0,
                                       CASE WHEN g % 4 = 0 THEN now() END
                                  FROM generate_series(1, :m) g
                                  JOIN o ON o.n = 1 + g % :n""")
                        .param("pipeline", pipeline)
                        .param("owners", owners.toArray(UUID[]::new))
                        .param("m", activities)
                        .param("n", Math.max(1, opportunities))
                        .update();
        return new Generated(pipeline, ordered, made, activityCount, Duration.ofNanos(System.nanoTime() - started));
    }
}

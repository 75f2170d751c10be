-- CRM (issue 17): stage rules and the look-up of due reminders.
--
-- A stage rule says what happens when an opportunity enters a stage: an activity is created for the
-- opportunity's owner (of a kind, with a subject, due some days later) and/or the owner is notified.
-- The rule runs in the transaction that moved the opportunity (crm.stagerules.StageRuleListener).

CREATE TABLE crm_stage_rule (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    pipeline_id      uuid        NOT NULL,
    stage_id         uuid        NOT NULL,
    -- Create an activity of this kind and subject, due this many days after the move (null: none).
    activity_kind    text        CHECK (activity_kind IN ('CALL', 'MEETING', 'TASK', 'NOTE')),
    activity_subject text        CHECK (btrim(activity_subject) <> '' AND length(activity_subject) <= 200),
    due_in_days      integer     CHECK (due_in_days BETWEEN 0 AND 365),
    -- Tell the opportunity's owner (in the app, and by e-mail if the owner wants).
    notify_owner     boolean     NOT NULL DEFAULT false,
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_stage_rule_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_stage_rule_activity CHECK (
        (activity_kind IS NULL) = (activity_subject IS NULL) AND (activity_kind IS NULL) = (due_in_days IS NULL)),
    CONSTRAINT crm_stage_rule_does_something CHECK (activity_kind IS NOT NULL OR notify_owner),
    CONSTRAINT crm_stage_rule_stage_fk FOREIGN KEY (tenant_id, pipeline_id, stage_id)
        REFERENCES crm_stage (tenant_id, pipeline_id, id) ON DELETE CASCADE
);
-- The rules of the stage an opportunity enters.
CREATE INDEX crm_stage_rule_stage_idx ON crm_stage_rule (tenant_id, stage_id) WHERE active;

ALTER TABLE crm_stage_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm_stage_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY crm_stage_rule_staff ON crm_stage_rule FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON crm_stage_rule TO ${staff_role};

-- Reminders still to send (the scheduler's look-up across tenants, nexo_crm_due_reminders).
CREATE INDEX crm_activity_remind_idx ON crm_activity (remind_at)
    WHERE remind_at IS NOT NULL AND reminded_at IS NULL AND NOT done;

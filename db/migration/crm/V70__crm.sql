-- CRM (issue 17): pipelines and their stages, sales teams, leads, opportunities and activities.
--
-- A pipeline is an ordered set of open stages, each with the probability an opportunity gets when it
-- enters it. Won and lost are the opportunity's status, not stages: a closed opportunity keeps the
-- stage it was closed in (the board shows open ones). A lead is a person and/or a company before it
-- is qualified; converting it names the account, contact and opportunity it became. An activity (a
-- call, meeting, task or note) belongs to a lead, or to an opportunity and/or an account; one on an
-- opportunity also carries the opportunity's account, so the account's timeline finds it by one index.
--
-- Staff only: portal actors are granted none of these tables. References are composite
-- (tenant_id, id) where the other table has such a key, so no row can point into another tenant.
-- Contacts have no such key: contact ids are kept as plain ids, followed by the accounts module's
-- references interface when contacts are merged or deleted.

CREATE TABLE crm_pipeline (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    name        text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    position    integer     NOT NULL DEFAULT 0,
    -- The pipeline new opportunities and the board open in (at most one per tenant).
    is_default  boolean     NOT NULL DEFAULT false,
    archived    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_pipeline_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_pipeline_name_uk UNIQUE (tenant_id, name),
    CONSTRAINT crm_pipeline_archived_not_default CHECK (NOT (archived AND is_default))
);
CREATE UNIQUE INDEX crm_pipeline_default_uk ON crm_pipeline (tenant_id) WHERE is_default;

CREATE TABLE crm_stage (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    pipeline_id uuid        NOT NULL,
    name        text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 80),
    -- Left to right on the board.
    position    integer     NOT NULL,
    -- What an opportunity's probability becomes when it enters the stage, in percent.
    probability smallint    NOT NULL CHECK (probability BETWEEN 0 AND 100),
    archived    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_stage_tenant_uk UNIQUE (tenant_id, id),
    -- Lets an opportunity's foreign key hold its stage inside its pipeline.
    CONSTRAINT crm_stage_pipeline_uk UNIQUE (tenant_id, pipeline_id, id),
    CONSTRAINT crm_stage_pipeline_fk FOREIGN KEY (tenant_id, pipeline_id)
        REFERENCES crm_pipeline (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX crm_stage_pipeline_idx ON crm_stage (tenant_id, pipeline_id, position);

CREATE TABLE crm_lost_reason (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    name        text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    position    integer     NOT NULL DEFAULT 0,
    archived    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_lost_reason_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_lost_reason_name_uk UNIQUE (tenant_id, name)
);

-- Sales teams: who sees a "team" salesperson's records, and the round robin of lead assignment.
CREATE TABLE crm_team (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    name        text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    archived    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_team_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_team_name_uk UNIQUE (tenant_id, name)
);

CREATE TABLE crm_team_member (
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    team_id     uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, team_id, user_id),
    CONSTRAINT crm_team_member_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES crm_team (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_team_member_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
-- A user's teams (visibility "team" starts from the user).
CREATE INDEX crm_team_member_user_idx ON crm_team_member (tenant_id, user_id, team_id);

CREATE TABLE crm_lead (
    id                       uuid PRIMARY KEY,
    tenant_id                uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    -- A person, a company, or both.
    person_name              text        CHECK (btrim(person_name) <> '' AND length(person_name) <= 200),
    company_name             text        CHECK (btrim(company_name) <> '' AND length(company_name) <= 200),
    email                    text        CHECK (length(email) <= 320),
    phone                    text        CHECK (length(phone) <= 40),
    -- Where it came from: typed in, a web form, an import, a referral, a fair...
    source                   text        NOT NULL DEFAULT 'MANUAL'
        CHECK (source IN ('MANUAL', 'WEB', 'IMPORT', 'REFERRAL', 'EVENT', 'CAMPAIGN', 'OTHER')),
    -- The web form's name, the campaign, who referred it.
    source_detail            text        CHECK (length(source_detail) <= 200),
    -- What it asked about.
    interest                 text        CHECK (length(interest) <= 4000),
    region                   text        CHECK (length(region) <= 80),
    tags                     text[]      NOT NULL DEFAULT '{}',
    owner_id                 uuid,
    team_id                  uuid,
    -- NEW: not looked at yet; WORKING: being qualified; CONVERTED: became an account and an
    -- opportunity; DISQUALIFIED: dropped (with a reason).
    status                   text        NOT NULL DEFAULT 'NEW'
        CHECK (status IN ('NEW', 'WORKING', 'CONVERTED', 'DISQUALIFIED')),
    disqualified_reason      text        CHECK (length(disqualified_reason) <= 500),
    converted_at             timestamptz,
    converted_account_id     uuid,
    converted_contact_id     uuid,
    converted_opportunity_id uuid,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_lead_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_lead_named CHECK (person_name IS NOT NULL OR company_name IS NOT NULL),
    CONSTRAINT crm_lead_converted CHECK ((status = 'CONVERTED') = (converted_at IS NOT NULL)),
    CONSTRAINT crm_lead_owner_fk FOREIGN KEY (tenant_id, owner_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (owner_id),
    CONSTRAINT crm_lead_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES crm_team (tenant_id, id) ON DELETE SET NULL (team_id),
    CONSTRAINT crm_lead_account_fk FOREIGN KEY (tenant_id, converted_account_id)
        REFERENCES account (tenant_id, id) ON DELETE SET NULL (converted_account_id)
);
-- The lead list (newest first, by status and owner).
CREATE INDEX crm_lead_created_idx ON crm_lead (tenant_id, created_at DESC, id DESC);
CREATE INDEX crm_lead_owner_idx ON crm_lead (tenant_id, owner_id, status, created_at DESC, id DESC);
CREATE INDEX crm_lead_status_idx ON crm_lead (tenant_id, status, created_at DESC, id DESC);
-- Duplicate checks of new leads against open leads.
CREATE INDEX crm_lead_email_idx ON crm_lead (tenant_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE crm_opportunity (
    id               uuid PRIMARY KEY,
    tenant_id        uuid          NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    title            text          NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 200),
    pipeline_id      uuid          NOT NULL,
    stage_id         uuid          NOT NULL,
    account_id       uuid          NOT NULL,
    -- One of the account's contacts (accounts.contact id).
    contact_id       uuid,
    amount           numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    currency         text          NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    -- In percent; set from the stage when the opportunity enters it, then changeable by hand.
    probability      smallint      NOT NULL CHECK (probability BETWEEN 0 AND 100),
    expected_close   date          NOT NULL,
    owner_id         uuid,
    team_id          uuid,
    status           text          NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WON', 'LOST')),
    closed_at        timestamptz,
    lost_reason_id   uuid,
    lost_note        text          CHECK (length(lost_note) <= 2000),
    -- The lead it was converted from, if any.
    lead_id          uuid,
    -- The quote made from it (sales.sales_document id of kind QUOTE); its amount follows the quote.
    quote_id         uuid,
    description      text          CHECK (length(description) <= 4000),
    -- When the opportunity entered its current stage (the board's "days in stage").
    stage_entered_at timestamptz   NOT NULL DEFAULT now(),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    version          bigint        NOT NULL DEFAULT 0,
    CONSTRAINT crm_opportunity_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_opportunity_closed CHECK ((status = 'OPEN') = (closed_at IS NULL)),
    CONSTRAINT crm_opportunity_lost_reason CHECK (status = 'LOST' OR lost_reason_id IS NULL),
    CONSTRAINT crm_opportunity_stage_fk FOREIGN KEY (tenant_id, pipeline_id, stage_id)
        REFERENCES crm_stage (tenant_id, pipeline_id, id),
    CONSTRAINT crm_opportunity_account_fk FOREIGN KEY (tenant_id, account_id)
        REFERENCES account (tenant_id, id),
    CONSTRAINT crm_opportunity_owner_fk FOREIGN KEY (tenant_id, owner_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (owner_id),
    CONSTRAINT crm_opportunity_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES crm_team (tenant_id, id) ON DELETE SET NULL (team_id),
    CONSTRAINT crm_opportunity_lost_reason_fk FOREIGN KEY (tenant_id, lost_reason_id)
        REFERENCES crm_lost_reason (tenant_id, id),
    CONSTRAINT crm_opportunity_lead_fk FOREIGN KEY (tenant_id, lead_id)
        REFERENCES crm_lead (tenant_id, id) ON DELETE SET NULL (lead_id),
    CONSTRAINT crm_opportunity_quote_fk FOREIGN KEY (tenant_id, quote_id)
        REFERENCES sales_document (tenant_id, id) ON DELETE SET NULL (quote_id)
);
-- A board column: the open opportunities of one stage, soonest close first (keyset by date and id).
CREATE INDEX crm_opportunity_board_idx ON crm_opportunity (tenant_id, stage_id, expected_close, id)
    WHERE status = 'OPEN';
-- The same, of one owner (the "mine" filter and visibility "own").
CREATE INDEX crm_opportunity_owner_board_idx ON crm_opportunity (tenant_id, owner_id, stage_id, expected_close, id)
    WHERE status = 'OPEN';
-- The forecast (by close month) and the list view's default order.
CREATE INDEX crm_opportunity_close_idx ON crm_opportunity (tenant_id, expected_close, id);
CREATE INDEX crm_opportunity_account_idx ON crm_opportunity (tenant_id, account_id);
CREATE UNIQUE INDEX crm_opportunity_quote_uk ON crm_opportunity (tenant_id, quote_id) WHERE quote_id IS NOT NULL;

ALTER TABLE crm_lead ADD CONSTRAINT crm_lead_opportunity_fk FOREIGN KEY (tenant_id, converted_opportunity_id)
    REFERENCES crm_opportunity (tenant_id, id) ON DELETE SET NULL (converted_opportunity_id);

CREATE TABLE crm_activity (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    kind           text        NOT NULL CHECK (kind IN ('CALL', 'MEETING', 'TASK', 'NOTE')),
    subject        text        NOT NULL CHECK (btrim(subject) <> '' AND length(subject) <= 200),
    notes          text        CHECK (length(notes) <= 8000),
    -- What it is about: a lead, or an opportunity and/or an account (see the checks).
    lead_id        uuid,
    opportunity_id uuid,
    account_id     uuid,
    -- When it is due (a meeting: when it starts); none for a note.
    due_at         timestamptz,
    duration_min   integer     CHECK (duration_min > 0 AND duration_min <= 1440),
    assignee_id    uuid,
    done           boolean     NOT NULL DEFAULT false,
    done_at        timestamptz,
    -- When to remind the assignee (in the app, and by e-mail if the user wants); null: no reminder.
    remind_at      timestamptz,
    reminded_at    timestamptz,
    created_by     uuid        DEFAULT nexo_user_id(),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_activity_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_activity_about CHECK (num_nonnulls(lead_id, opportunity_id, account_id) >= 1),
    CONSTRAINT crm_activity_lead_alone CHECK (lead_id IS NULL OR (opportunity_id IS NULL AND account_id IS NULL)),
    CONSTRAINT crm_activity_done CHECK (done = (done_at IS NOT NULL)),
    CONSTRAINT crm_activity_lead_fk FOREIGN KEY (tenant_id, lead_id)
        REFERENCES crm_lead (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_activity_opportunity_fk FOREIGN KEY (tenant_id, opportunity_id)
        REFERENCES crm_opportunity (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_activity_account_fk FOREIGN KEY (tenant_id, account_id)
        REFERENCES account (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_activity_assignee_fk FOREIGN KEY (tenant_id, assignee_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (assignee_id)
);
-- "My activities": the open ones of one assignee by due time (overdue, today, upcoming).
CREATE INDEX crm_activity_mine_idx ON crm_activity (tenant_id, assignee_id, due_at, id) WHERE NOT done;
-- The activities of one record, newest first (its page and the account's timeline).
CREATE INDEX crm_activity_lead_idx ON crm_activity (tenant_id, lead_id, created_at DESC) WHERE lead_id IS NOT NULL;
CREATE INDEX crm_activity_opportunity_idx ON crm_activity (tenant_id, opportunity_id, created_at DESC)
    WHERE opportunity_id IS NOT NULL;
CREATE INDEX crm_activity_account_idx ON crm_activity (tenant_id, account_id, created_at DESC)
    WHERE account_id IS NOT NULL;

DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['crm_pipeline', 'crm_stage', 'crm_lost_reason', 'crm_team', 'crm_team_member',
                             'crm_lead', 'crm_opportunity', 'crm_activity'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO ${staff_role} '
                       'USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id())',
                       t || '_staff', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${staff_role}', t);
    END LOOP;
END
$rls$;

SELECT nexo_track_history('crm_lead', 'id');
SELECT nexo_track_history('crm_opportunity', 'id', ARRAY['stage_entered_at']);

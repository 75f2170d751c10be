-- CRM leads (issue 17): what a lead's duplicate check found, the assignment rules that give new leads
-- an owner, and the web forms through which a tenant's web site sends leads in.

-- The possible duplicates found when the lead was entered or its identity (names, e-mail, phone, tax
-- id) last changed: other leads, accounts and contacts, each as {kind, id, accountId, name, reasons}.
-- Kept with the lead, so the list shows a badge without a look-up per row.
ALTER TABLE crm_lead ADD COLUMN tax_id text CHECK (length(tax_id) <= 40);
ALTER TABLE crm_lead ADD COLUMN duplicates jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(duplicates) = 'array');
-- Duplicate checks of new leads by phone (digits only).
CREATE INDEX crm_lead_phone_idx ON crm_lead (tenant_id, regexp_replace(phone, '[^0-9]', '', 'g'))
    WHERE phone IS NOT NULL;

-- Rules that give a new lead without an owner one, tried by position: the first whose condition the
-- lead meets (ANY: every lead; TAG: the lead carries the tag; REGION: the lead's region, ignoring case)
-- assigns it to its user, or in turn to the members of its team (round robin: the member after the
-- one assigned last, in user id order; the rule's row is locked while choosing, so two leads at once
-- never get the same turn).
CREATE TABLE crm_assignment_rule (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    name           text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    position       integer     NOT NULL DEFAULT 0,
    condition      text        NOT NULL CHECK (condition IN ('ANY', 'TAG', 'REGION')),
    match_value    text        CHECK (length(match_value) <= 80),
    user_id        uuid,
    team_id        uuid,
    last_user_id   uuid,
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_assignment_rule_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_assignment_rule_value CHECK ((condition = 'ANY') = (match_value IS NULL)),
    CONSTRAINT crm_assignment_rule_target CHECK (num_nonnulls(user_id, team_id) = 1),
    CONSTRAINT crm_assignment_rule_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_assignment_rule_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES crm_team (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_assignment_rule_last_fk FOREIGN KEY (tenant_id, last_user_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (last_user_id)
);
CREATE INDEX crm_assignment_rule_position_idx ON crm_assignment_rule (tenant_id, position, id);

-- A tenant's web-to-lead forms: the token in the public address names the form (and so the tenant),
-- the leads it creates get source WEB, the form's source detail and its default owner or team.
CREATE TABLE crm_web_form (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    -- Unique across tenants: the public address finds the tenant by it.
    token          text        NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{20,64}$'),
    name           text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    source_detail  text        CHECK (length(source_detail) <= 200),
    owner_id       uuid,
    team_id        uuid,
    -- Where the visitor's browser goes after a good post; none: a short thank-you page.
    thank_you_url  text        CHECK (length(thank_you_url) <= 500 AND thank_you_url ~ '^https?://'),
    enabled        boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT crm_web_form_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT crm_web_form_name_uk UNIQUE (tenant_id, name),
    CONSTRAINT crm_web_form_owner_fk FOREIGN KEY (tenant_id, owner_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (owner_id),
    CONSTRAINT crm_web_form_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES crm_team (tenant_id, id) ON DELETE SET NULL (team_id)
);

DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['crm_assignment_rule', 'crm_web_form'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO ${staff_role} '
                       'USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id())',
                       t || '_staff', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${staff_role}', t);
    END LOOP;
END
$rls$;

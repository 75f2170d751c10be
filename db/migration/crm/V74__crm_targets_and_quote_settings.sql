-- CRM forecast and quotes (issue 17): sales targets per month, and the tenant's setting of what an
-- accepted quote does to the opportunity it was made from.
--
-- A target is an amount to win in one calendar month, for one salesperson (owner_id), one sales team
-- (team_id) or the whole tenant (neither). The forecast compares what was won in the month (the
-- opportunities won, by the month of closed_at) with the target of the scope it shows.

CREATE TABLE crm_sales_target (
    id          uuid PRIMARY KEY,
    tenant_id   uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    owner_id    uuid,
    team_id     uuid,
    -- The first day of the month the target is for.
    month       date           NOT NULL CHECK (extract(day FROM month) = 1),
    amount      numeric(14, 2) NOT NULL CHECK (amount >= 0),
    currency    text           NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now(),
    version     bigint         NOT NULL DEFAULT 0,
    CONSTRAINT crm_sales_target_tenant_uk UNIQUE (tenant_id, id),
    -- A salesperson's, a team's or the tenant's: never both.
    CONSTRAINT crm_sales_target_scope CHECK (owner_id IS NULL OR team_id IS NULL),
    CONSTRAINT crm_sales_target_owner_fk FOREIGN KEY (tenant_id, owner_id)
        REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT crm_sales_target_team_fk FOREIGN KEY (tenant_id, team_id)
        REFERENCES crm_team (tenant_id, id) ON DELETE CASCADE
);
-- One target per scope and month (the nil uuid stands for "none" in the key).
CREATE UNIQUE INDEX crm_sales_target_scope_uk ON crm_sales_target (
    tenant_id, month,
    coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- The forecast's won deals by the moment they were won.
CREATE INDEX crm_opportunity_won_idx ON crm_opportunity (tenant_id, closed_at) WHERE status = 'WON';

-- One row per tenant at most; no row means the defaults.
CREATE TABLE crm_quote_settings (
    tenant_id                   uuid        PRIMARY KEY DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    -- When the client (or the back office) accepts the quote made from an opportunity, the
    -- opportunity is won.
    quote_wins_opportunity      boolean     NOT NULL DEFAULT true,
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    version                     bigint      NOT NULL DEFAULT 0
);

DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['crm_sales_target', 'crm_quote_settings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO ${staff_role} '
                       'USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id())',
                       t || '_staff', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${staff_role}', t);
    END LOOP;
END
$rls$;

SELECT nexo_track_history('crm_sales_target', 'id');

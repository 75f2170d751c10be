-- Accounts: the organisations and people a tenant deals with (clients, suppliers, prospects,
-- professionals), their contacts, per-user saved list filters, and the search they need.
--
-- Portal actors: app_user.party_id of a client, supplier or professional user is the id of an
-- account of this table (same tenant). The portal module links a user to one of the account's
-- contacts through contact.portal_user_id; party_id stays the account, which is what the policies
-- of business documents compare with nexo_party_id().

-- Extensions are created by the owner role (pg_trgm, unaccent and btree_gin are trusted).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index or a
-- generated column. This wrapper names the dictionary explicitly and is declared IMMUTABLE: if the
-- dictionary ever changes, the indexes that use it must be rebuilt (REINDEX), which is acceptable.
CREATE FUNCTION nexo_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The form text is compared in: lower case, no accents, single spaces.
CREATE FUNCTION nexo_search_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(public.nexo_unaccent($1)), '\s+', ' ', 'g')) $$;

-- A tax id as compared for duplicates: upper case letters and digits only ("b-12.345.678" = "B12345678").
CREATE FUNCTION nexo_tax_id_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT nullif(regexp_replace(upper($1), '[^A-Z0-9]', '', 'g'), '') $$;

-- Everything the quick search looks at, in one text: name, code, tax id, e-mails and phones (also
-- as digits only, so "600 123 456" and "600123456" both match).
CREATE FUNCTION nexo_account_search_text(
        p_code text, p_legal_name text, p_trade_name text, p_tax_id text, p_emails text[], p_phones text[])
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT public.nexo_search_key(
        coalesce(p_code, '') || ' ' || coalesce(p_legal_name, '') || ' ' || coalesce(p_trade_name, '')
        || ' ' || coalesce(p_tax_id, '') || ' ' || coalesce(public.nexo_tax_id_key(p_tax_id), '')
        || ' ' || coalesce(array_to_string(p_emails, ' '), '')
        || ' ' || coalesce(array_to_string(p_phones, ' '), '')
        || ' ' || coalesce(regexp_replace(array_to_string(p_phones, ' '), '[^0-9 ]', '', 'g'), ''))
$$;

GRANT EXECUTE ON FUNCTION nexo_unaccent(text), nexo_search_key(text), nexo_tax_id_key(text),
    nexo_account_search_text(text, text, text, text, text[], text[]) TO ${app_role};

-- Composite foreign keys (tenant_id, id) keep references inside one tenant: a row of tenant B
-- cannot point at an account or a user of tenant A even if it knows the id.
CREATE UNIQUE INDEX app_user_tenant_id_uk ON app_user (tenant_id, id);

CREATE TABLE account (
    id            uuid PRIMARY KEY,
    tenant_id     uuid          NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    code          text          NOT NULL,
    kind          text          NOT NULL CHECK (kind IN ('ORGANIZATION', 'INDIVIDUAL')),
    roles         text[]        NOT NULL
        CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['CLIENT', 'SUPPLIER', 'PROSPECT', 'PROFESSIONAL']),
    legal_name    text          NOT NULL CHECK (btrim(legal_name) <> ''),
    trade_name    text,
    tax_id        text,
    country       text          NOT NULL DEFAULT 'ES' CHECK (country ~ '^[A-Z]{2}$'),
    addresses     jsonb         NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(addresses) = 'array'),
    emails        text[]        NOT NULL DEFAULT '{}',
    phones        text[]        NOT NULL DEFAULT '{}',
    website       text,
    payment_terms text,
    credit_limit  numeric(15, 2) CHECK (credit_limit >= 0),
    currency      text          NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    language      text          CHECK (language IN ('es', 'en')),
    tags          text[]        NOT NULL DEFAULT '{}',
    notes         text,
    archived      boolean       NOT NULL DEFAULT false,
    owner_id      uuid,
    merged_into   uuid,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    version       bigint        NOT NULL DEFAULT 0,
    -- Derived columns: sort key of the name, duplicate key of the tax id, text of the quick search.
    name_key      text GENERATED ALWAYS AS (nexo_search_key(legal_name)) STORED,
    tax_id_key    text GENERATED ALWAYS AS (nexo_tax_id_key(tax_id)) STORED,
    search_text   text GENERATED ALWAYS AS (
        nexo_account_search_text(code, legal_name, trade_name, tax_id, emails, phones)) STORED,
    CONSTRAINT account_code_uk UNIQUE (tenant_id, code),
    CONSTRAINT account_tenant_id_uk UNIQUE (tenant_id, id),
    CONSTRAINT account_owner_fk FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id),
    CONSTRAINT account_merged_into_fk FOREIGN KEY (tenant_id, merged_into) REFERENCES account (tenant_id, id)
);

-- Keyset pagination per sort column (tenant first, id last as the tie-breaker).
CREATE INDEX account_name_idx ON account (tenant_id, name_key, id);
CREATE INDEX account_updated_idx ON account (tenant_id, updated_at, id);
CREATE INDEX account_created_idx ON account (tenant_id, created_at, id);
-- Quick search (LIKE '%word%' and typo-tolerant word similarity) and duplicate checks.
CREATE INDEX account_search_idx ON account USING gin (tenant_id, search_text gin_trgm_ops);
CREATE INDEX account_name_trgm_idx ON account USING gin (tenant_id, name_key gin_trgm_ops);
CREATE INDEX account_tax_id_idx ON account (tenant_id, tax_id_key) WHERE tax_id_key IS NOT NULL;
CREATE INDEX account_emails_idx ON account USING gin (tenant_id, emails);
CREATE INDEX account_tags_idx ON account USING gin (tenant_id, tags);
CREATE INDEX account_roles_idx ON account USING gin (tenant_id, roles);
CREATE INDEX account_owner_idx ON account (tenant_id, owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX account_merged_into_idx ON account (tenant_id, merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE contact (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    account_id     uuid        NOT NULL,
    name           text        NOT NULL CHECK (btrim(name) <> ''),
    position       text,
    emails         text[]      NOT NULL DEFAULT '{}',
    phones         text[]      NOT NULL DEFAULT '{}',
    language       text        CHECK (language IN ('es', 'en')),
    is_primary     boolean     NOT NULL DEFAULT false,
    notes          text,
    -- Room for portal access: the user this contact logs in as (set by the portal module).
    portal_user_id uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT contact_account_fk FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT contact_portal_user_fk FOREIGN KEY (tenant_id, portal_user_id) REFERENCES app_user (tenant_id, id)
        ON DELETE SET NULL (portal_user_id)
);

CREATE INDEX contact_account_idx ON contact (tenant_id, account_id, name);
-- At most one primary contact per account.
CREATE UNIQUE INDEX contact_primary_uk ON contact (tenant_id, account_id) WHERE is_primary;
CREATE UNIQUE INDEX contact_portal_user_uk ON contact (tenant_id, portal_user_id) WHERE portal_user_id IS NOT NULL;
CREATE INDEX contact_emails_idx ON contact USING gin (tenant_id, emails);

-- The next proposed account code per tenant (a counter row, so two users never get the same one).
CREATE TABLE account_code_counter (
    tenant_id  uuid   PRIMARY KEY DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    next_value bigint NOT NULL DEFAULT 1
);

-- A user's named filters of a list ('accounts', and the lists of later modules).
CREATE TABLE saved_filter (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    user_id    uuid        NOT NULL DEFAULT nexo_user_id(),
    list_name  text        NOT NULL,
    name       text        NOT NULL CHECK (btrim(name) <> ''),
    definition jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT saved_filter_name_uk UNIQUE (tenant_id, user_id, list_name, name),
    CONSTRAINT saved_filter_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
        ON DELETE CASCADE
);

ALTER TABLE account ENABLE ROW LEVEL SECURITY;
ALTER TABLE account FORCE ROW LEVEL SECURITY;
ALTER TABLE contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact FORCE ROW LEVEL SECURITY;
ALTER TABLE account_code_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_code_counter FORCE ROW LEVEL SECURITY;
ALTER TABLE saved_filter ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_filter FORCE ROW LEVEL SECURITY;

-- Employees and system work manage the tenant's accounts and contacts (which ones each user may
-- touch is the service's permission check).
CREATE POLICY account_staff ON account FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
-- A portal actor reads its own account only (its party), nothing else.
CREATE POLICY account_party ON account FOR SELECT
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('client', 'supplier', 'professional')
           AND id = nexo_party_id());
CREATE POLICY contact_staff ON contact FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY contact_party ON contact FOR SELECT
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('client', 'supplier', 'professional')
           AND account_id = nexo_party_id());
CREATE POLICY account_code_counter_staff ON account_code_counter FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
-- Saved filters are private to the user who saved them.
CREATE POLICY saved_filter_own ON saved_filter FOR ALL
    USING (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON account, contact, saved_filter TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON account_code_counter TO ${app_role};

SELECT nexo_track_history('account', 'id', ARRAY['name_key', 'tax_id_key', 'search_text']);
SELECT nexo_track_history('contact', 'account_id');

-- Tenancy core: the request context read by every row-level security policy, tenants, and users.
--
-- Context: each transaction binds these settings with set_config(name, value, true) (transaction-local).
-- A missing or empty setting yields NULL, so every policy comparison is false: zero rows, no error.
-- The functions are STABLE SQL, so the planner evaluates them once per query and can use indexes
-- that lead with tenant_id.

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${app_role};

CREATE FUNCTION nexo_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('nexo.tenant_id', true), '')::uuid $$;

CREATE FUNCTION nexo_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('nexo.user_id', true), '')::uuid $$;

-- employee, client, supplier, professional, system (batch jobs, seeding) or operator (platform).
CREATE FUNCTION nexo_actor_type() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('nexo.actor_type', true), '') $$;

-- For external actors (client, supplier, professional): the account they belong to.
CREATE FUNCTION nexo_party_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('nexo.party_id', true), '')::uuid $$;

GRANT EXECUTE ON FUNCTION nexo_tenant_id(), nexo_user_id(), nexo_actor_type(), nexo_party_id() TO ${app_role};

-- A tenant is a customer organisation of NEXO. Its row is visible only inside its own context.
CREATE TABLE tenant (
    id             uuid PRIMARY KEY,
    code           text        NOT NULL,
    name           text        NOT NULL,
    status         text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    default_locale text        NOT NULL DEFAULT 'es' CHECK (default_locale IN ('es', 'en')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT tenant_code_uk UNIQUE (code),
    CONSTRAINT tenant_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$')
);

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;

-- Everyone in a tenant (portal actors included) may read its own tenant row (name, locale).
CREATE POLICY tenant_read ON tenant FOR SELECT
    USING (id = nexo_tenant_id());
-- Only employees (administrator checks come from the application) and system work may change it;
-- a tenant row is created by system work bound to the new tenant's id.
CREATE POLICY tenant_write ON tenant FOR ALL
    USING (id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));

GRANT SELECT, INSERT, UPDATE ON tenant TO ${app_role};

-- A person who logs in. Employees work in the back office; clients, suppliers and professionals use
-- the portals and belong to an account (party_id) of the accounts module.
CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text,
    actor_type    text        NOT NULL CHECK (actor_type IN ('employee', 'client', 'supplier', 'professional')),
    party_id      uuid,
    tenant_admin  boolean     NOT NULL DEFAULT false,
    enabled       boolean     NOT NULL DEFAULT true,
    locale        text        CHECK (locale IN ('es', 'en')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT app_user_admin_is_employee CHECK (NOT tenant_admin OR actor_type = 'employee'),
    CONSTRAINT app_user_external_has_party CHECK (actor_type = 'employee' OR party_id IS NOT NULL)
);

-- A login name identifies one user across all tenants, so login can start before the tenant is known.
CREATE UNIQUE INDEX app_user_email_uk ON app_user (lower(email));
CREATE INDEX app_user_tenant_name_idx ON app_user (tenant_id, lower(display_name));

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;

-- Employees and system work see and manage the users of their tenant.
CREATE POLICY app_user_staff ON app_user FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
-- Portal actors see and update only their own row (language, password); never other users.
CREATE POLICY app_user_self ON app_user FOR SELECT
    USING (tenant_id = nexo_tenant_id() AND id = nexo_user_id());
CREATE POLICY app_user_self_update ON app_user FOR UPDATE
    USING (tenant_id = nexo_tenant_id() AND id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND id = nexo_user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON app_user TO ${app_role};

-- The one way to find a user before any tenant context exists: login. It returns only what
-- authentication needs for exactly one e-mail, runs as the owner (which bypasses RLS) and is the
-- only cross-tenant path the application role may use. Keep it this narrow.
CREATE FUNCTION nexo_login_lookup(p_email text)
    RETURNS TABLE (
        user_id        uuid,
        tenant_id      uuid,
        email          text,
        display_name   text,
        password_hash  text,
        actor_type     text,
        party_id       uuid,
        tenant_admin   boolean,
        user_enabled   boolean,
        tenant_active  boolean,
        locale         text
    )
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT u.id, u.tenant_id, u.email, u.display_name, u.password_hash, u.actor_type, u.party_id,
           u.tenant_admin, u.enabled, t.status = 'ACTIVE', coalesce(u.locale, t.default_locale)
      FROM public.app_user u
      JOIN public.tenant t ON t.id = u.tenant_id
     WHERE lower(u.email) = lower(p_email)
$$;

REVOKE ALL ON FUNCTION nexo_login_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_login_lookup(text) TO ${app_role};

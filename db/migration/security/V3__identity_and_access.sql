-- Identity and access: roles with granular permissions per tenant, the security event log, login
-- throttling, and platform operators.

-- Roles are named sets of permissions ("module.action" codes, listed in the application's
-- permission catalogue). Each tenant gets the predefined ones and may copy and change them.
CREATE TABLE role (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    code        text        NOT NULL,
    name        text        NOT NULL,
    description text,
    predefined  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT role_code_uk UNIQUE (tenant_id, code),
    CONSTRAINT role_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$')
);

CREATE TABLE role_permission (
    tenant_id  uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    role_id    uuid NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    permission text NOT NULL CHECK (permission ~ '^[a-z][a-z-]*\.[a-z][a-z-]*$'),
    PRIMARY KEY (tenant_id, role_id, permission)
);

CREATE TABLE user_role (
    tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    user_id   uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role_id   uuid NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, user_id, role_id)
);
CREATE INDEX user_role_role_idx ON user_role (tenant_id, role_id);

ALTER TABLE role ENABLE ROW LEVEL SECURITY;
ALTER TABLE role FORCE ROW LEVEL SECURITY;
ALTER TABLE role_permission ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_permission FORCE ROW LEVEL SECURITY;
ALTER TABLE user_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_role FORCE ROW LEVEL SECURITY;

-- Employees and system work manage roles (who may is the application's permission check).
CREATE POLICY role_staff ON role FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY role_permission_staff ON role_permission FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY user_role_staff ON user_role FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
-- Every user, portal actors included, may read its own role assignments, and which permissions
-- the tenant's roles carry (codes only, nothing secret): that is how each request learns what the
-- user may do now. No subqueries in policies, so they stay valid on Citus.
CREATE POLICY user_role_self ON user_role FOR SELECT
    USING (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id());
CREATE POLICY role_permission_read ON role_permission FOR SELECT
    USING (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON role, role_permission, user_role TO ${app_role};

-- What changes a user's access bumps access_version, so every node notices on the next request.
ALTER TABLE app_user
    ADD COLUMN last_login_at       timestamptz,
    ADD COLUMN password_changed_at timestamptz,
    ADD COLUMN access_version      bigint NOT NULL DEFAULT 0;

-- Security events: logins, failures, lockouts, role and user changes. Written through
-- nexo_record_security_event (a failed login has no tenant context yet); read by the tenant's staff.
CREATE TABLE security_event (
    id          uuid PRIMARY KEY,
    tenant_id   uuid DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    event_type  text        NOT NULL,
    user_id     uuid,
    email       text,
    actor_id    uuid,
    address     text,
    user_agent  text,
    details     text
);
CREATE INDEX security_event_tenant_time_idx ON security_event (tenant_id, occurred_at DESC, id);

ALTER TABLE security_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_event FORCE ROW LEVEL SECURITY;
-- Append-only for the application: no UPDATE or DELETE grant, and rows of the own tenant only.
CREATE POLICY security_event_staff ON security_event FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
GRANT SELECT, INSERT ON security_event TO ${app_role};

-- Records an event of the login path, where no tenant context exists yet. The tenant is taken
-- from the user with that e-mail, when there is one; otherwise the event belongs to no tenant.
CREATE FUNCTION nexo_record_login_event(p_event_type text, p_email text, p_address text, p_user_agent text, p_details text)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    INSERT INTO public.security_event (id, tenant_id, event_type, user_id, email, address, user_agent, details)
    SELECT gen_random_uuid(), u.tenant_id, p_event_type, u.id, lower(p_email),
           left(p_address, 64), left(p_user_agent, 256), left(p_details, 1000)
      FROM (SELECT 1) one
      LEFT JOIN public.app_user u ON lower(u.email) = lower(p_email)
$$;
REVOKE ALL ON FUNCTION nexo_record_login_event(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_record_login_event(text, text, text, text, text) TO ${app_role};

-- Login throttling, shared by every node: failures per account (e-mail, existing or not, so the
-- answer never tells whether an account exists) and per client address.
CREATE TABLE login_throttle (
    kind          text        NOT NULL CHECK (kind IN ('account', 'address')),
    key           text        NOT NULL,
    failures      integer     NOT NULL DEFAULT 0,
    window_start  timestamptz NOT NULL DEFAULT now(),
    locked_until  timestamptz,
    lockouts      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, key)
);
-- Not tenant data, and not for the application role to read: only the functions below touch it.
ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_throttle FORCE ROW LEVEL SECURITY;

-- Seconds until this account or address may try again (0: may try now).
CREATE FUNCTION nexo_login_wait_seconds(p_email text, p_address text)
    RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT coalesce(ceil(extract(epoch FROM max(locked_until) - now()))::integer, 0)
      FROM public.login_throttle
     WHERE locked_until > now()
       AND ((kind = 'account' AND key = lower(p_email)) OR (kind = 'address' AND key = p_address))
$$;

-- Counts a failure; returns the lock-out in seconds it started (0 when none). Failures count within
-- a window; reaching the threshold locks for base * 2^(earlier lockouts), capped, so that an attacker
-- slows a user down but can never lock them out for good.
CREATE FUNCTION nexo_login_failed(p_email text, p_address text,
                                  p_account_threshold integer, p_address_threshold integer,
                                  p_window_seconds integer, p_base_lock_seconds integer, p_max_lock_seconds integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    r record;
    lock_seconds integer := 0;
    started integer := 0;
BEGIN
    FOR r IN SELECT * FROM (VALUES ('account', lower(p_email), p_account_threshold),
                                   ('address', p_address, p_address_threshold)) AS v(kind, key, threshold)
              WHERE key IS NOT NULL AND key <> ''
    LOOP
        INSERT INTO public.login_throttle AS t (kind, key, failures, window_start)
        VALUES (r.kind, r.key, 1, now())
        ON CONFLICT (kind, key) DO UPDATE
            SET failures = CASE WHEN t.window_start < now() - make_interval(secs => p_window_seconds)
                                THEN 1 ELSE t.failures + 1 END,
                window_start = CASE WHEN t.window_start < now() - make_interval(secs => p_window_seconds)
                                    THEN now() ELSE t.window_start END;
        UPDATE public.login_throttle t
           SET locked_until = now() + make_interval(secs => least(p_max_lock_seconds,
                                      p_base_lock_seconds * (2 ^ least(t.lockouts, 16))::integer)),
               lockouts = t.lockouts + 1,
               failures = 0,
               window_start = now()
         WHERE t.kind = r.kind AND t.key = r.key AND t.failures >= r.threshold
        RETURNING least(p_max_lock_seconds, p_base_lock_seconds * (2 ^ least(t.lockouts - 1, 16))::integer)
             INTO lock_seconds;
        started := greatest(started, coalesce(lock_seconds, 0));
        lock_seconds := 0;
    END LOOP;
    RETURN started;
END
$$;

-- A successful login clears the account's failures and its lock-out history.
CREATE FUNCTION nexo_login_succeeded(p_email text, p_user_id uuid)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    DELETE FROM public.login_throttle WHERE kind = 'account' AND key = lower(p_email);
    UPDATE public.app_user SET last_login_at = now() WHERE id = p_user_id;
$$;

REVOKE ALL ON FUNCTION nexo_login_wait_seconds(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION nexo_login_failed(text, text, integer, integer, integer, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION nexo_login_succeeded(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_login_wait_seconds(text, text) TO ${app_role};
GRANT EXECUTE ON FUNCTION nexo_login_failed(text, text, integer, integer, integer, integer, integer) TO ${app_role};
GRANT EXECUTE ON FUNCTION nexo_login_succeeded(text, uuid) TO ${app_role};

-- The login look-up now also returns the user's permissions and access version, and the
-- administrator flag gives way to the predefined "administrator" role.
DROP FUNCTION nexo_login_lookup(text);
-- Existing administrators keep their rights: they get the administrator role, whose permissions
-- the application fills in at start-up from its catalogue.
INSERT INTO role (id, tenant_id, code, name, predefined)
SELECT gen_random_uuid(), t.id, 'administrator', 'administrator', true FROM tenant t;
INSERT INTO user_role (tenant_id, user_id, role_id)
SELECT u.tenant_id, u.id, r.id
  FROM app_user u JOIN role r ON r.tenant_id = u.tenant_id AND r.code = 'administrator'
 WHERE u.tenant_admin;
ALTER TABLE app_user DROP CONSTRAINT app_user_admin_is_employee;
DROP POLICY app_user_self_update ON app_user;
ALTER TABLE app_user DROP COLUMN tenant_admin;
-- Same guard as before (V2), without the flag: rights now come only from user_role, which no user
-- may write for itself.
CREATE POLICY app_user_self_update ON app_user FOR UPDATE
    USING (tenant_id = nexo_tenant_id() AND id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id()
                AND id = nexo_user_id()
                AND actor_type = nexo_actor_type()
                AND party_id IS NOT DISTINCT FROM nexo_party_id()
                AND enabled);

CREATE FUNCTION nexo_login_lookup(p_email text)
    RETURNS TABLE (
        user_id        uuid,
        tenant_id      uuid,
        email          text,
        display_name   text,
        password_hash  text,
        actor_type     text,
        party_id       uuid,
        user_enabled   boolean,
        tenant_active  boolean,
        locale         text,
        permissions    text[],
        access_version bigint
    )
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT u.id, u.tenant_id, u.email, u.display_name, u.password_hash, u.actor_type, u.party_id,
           u.enabled, t.status = 'ACTIVE', coalesce(u.locale, t.default_locale),
           coalesce((SELECT array_agg(DISTINCT rp.permission ORDER BY rp.permission)
                       FROM public.user_role ur
                       JOIN public.role_permission rp ON rp.tenant_id = ur.tenant_id AND rp.role_id = ur.role_id
                      WHERE ur.tenant_id = u.tenant_id AND ur.user_id = u.id), '{}'),
           u.access_version
      FROM public.app_user u
      JOIN public.tenant t ON t.id = u.tenant_id
     WHERE lower(u.email) = lower(p_email)
$$;

REVOKE ALL ON FUNCTION nexo_login_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_login_lookup(text) TO ${app_role};

-- The platform operator manages tenants (their rows only, never their business data: every other
-- policy requires the tenant of the context, which an operator's context does not have).
CREATE POLICY tenant_operator ON tenant FOR ALL
    USING (nexo_actor_type() = 'operator')
    WITH CHECK (nexo_actor_type() = 'operator');

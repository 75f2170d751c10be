-- Platform operators: the people who run a NEXO installation. They create, rename, suspend and
-- reactivate tenants and create each tenant's first administrator; they never see a tenant's business
-- data (their context has no tenant, and every business policy requires one). Not tenant data.
CREATE TABLE platform_operator (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text,
    enabled       boolean     NOT NULL DEFAULT true,
    locale        text        CHECK (locale IN ('es', 'en')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX platform_operator_email_uk ON platform_operator (lower(email));

ALTER TABLE platform_operator ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_operator FORCE ROW LEVEL SECURITY;
-- An operator sees and updates only its own row (language, password), and may not re-enable itself.
-- No INSERT or DELETE grant: the first operator is created by nexo_create_first_operator below.
CREATE POLICY platform_operator_self ON platform_operator FOR SELECT
    USING (id = nexo_user_id() AND nexo_actor_type() = 'operator');
CREATE POLICY platform_operator_self_update ON platform_operator FOR UPDATE
    USING (id = nexo_user_id() AND nexo_actor_type() = 'operator')
    WITH CHECK (id = nexo_user_id() AND nexo_actor_type() = 'operator' AND enabled);
GRANT SELECT, UPDATE ON platform_operator TO ${app_role};

-- Login of an operator, tried when no tenant user has the e-mail (nexo_login_lookup comes first).
-- Same rules as nexo_login_lookup: exactly one e-mail, only what authentication needs.
CREATE FUNCTION nexo_operator_login_lookup(p_email text)
    RETURNS TABLE (
        operator_id   uuid,
        email         text,
        display_name  text,
        password_hash text,
        enabled       boolean,
        locale        text
    )
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT o.id, o.email, o.display_name, o.password_hash, o.enabled, coalesce(o.locale, 'es')
      FROM public.platform_operator o
     WHERE lower(o.email) = lower(p_email)
$$;
REVOKE ALL ON FUNCTION nexo_operator_login_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_operator_login_lookup(text) TO ${app_role};

-- Creates the installation's first operator, from configuration at start-up, and only while there is
-- none: it cannot add a second operator, so the application role cannot mint operators at will.
-- Returns whether it created one. Refuses an e-mail that a tenant user already has (login names are
-- unique across users and operators). The table lock serialises nodes starting at the same time.
CREATE FUNCTION nexo_create_first_operator(p_id uuid, p_email text, p_display_name text, p_password_hash text)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
BEGIN
    LOCK TABLE public.platform_operator IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT FROM public.platform_operator) THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT FROM public.app_user u WHERE lower(u.email) = lower(p_email)) THEN
        RAISE EXCEPTION 'a tenant user already logs in with this e-mail' USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO public.platform_operator (id, email, display_name, password_hash)
    VALUES (p_id, p_email, p_display_name, p_password_hash);
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION nexo_create_first_operator(uuid, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_create_first_operator(uuid, text, text, text) TO ${app_role};

-- Single sign-on (OpenID Connect): a tenant may let people of its own e-mail domain in on their
-- first sign-on, as users without roles. Off unless the tenant turns it on.
ALTER TABLE tenant
    ADD COLUMN sso_auto_create    boolean NOT NULL DEFAULT false,
    ADD COLUMN sso_allowed_domain text,
    ADD CONSTRAINT tenant_sso_domain_format CHECK (sso_allowed_domain IS NULL
        OR sso_allowed_domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$');
-- One tenant per domain, so that a sign-on maps to exactly one tenant.
CREATE UNIQUE INDEX tenant_sso_domain_uk ON tenant (sso_allowed_domain) WHERE sso_allowed_domain IS NOT NULL;

-- The login path: the only ways to find a user, an operator or a tenant before any tenant context
-- exists (current definitions; first created by V1, V3, V4 and V5). Repeatable: Flyway runs this
-- file again whenever it changes, after the versioned migrations.
--
-- Every function here runs as the owner (SECURITY DEFINER, which bypasses row-level security) with a
-- fixed search path, takes exactly one key and returns only what its caller needs. Each ends with its
-- whole access list: revoked from everyone, then granted to the roles that call it. The application
-- role calls them outside any context; the actor roles only where a context already exists (an
-- employee creating a user checks that no one logs in with the e-mail yet).

-- What authentication needs for exactly one e-mail: the user, its tenant's state, its permissions
-- and access version (rights come only from user_role, which no user may write for itself).
CREATE OR REPLACE FUNCTION nexo_login_lookup(p_email text)
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
    SET search_path = pg_catalog, public, pg_temp
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

REVOKE ALL ON FUNCTION nexo_login_lookup(text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
-- The login path only: it returns the password hash, which the application verifies (DECISIONS.md,
-- "Password hashes stay out of the database's verification"). Staff checks login names through
-- nexo_login_name_taken instead.
GRANT EXECUTE ON FUNCTION nexo_login_lookup(text) TO ${app_role};

-- Login of an operator, tried when no tenant user has the e-mail (nexo_login_lookup comes first).
-- Same rules as nexo_login_lookup: exactly one e-mail, only what authentication needs.
CREATE OR REPLACE FUNCTION nexo_operator_login_lookup(p_email text)
    RETURNS TABLE (
        operator_id   uuid,
        email         text,
        display_name  text,
        password_hash text,
        enabled       boolean,
        locale        text
    )
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT o.id, o.email, o.display_name, o.password_hash, o.enabled, coalesce(o.locale, 'es')
      FROM public.platform_operator o
     WHERE lower(o.email) = lower(p_email)
$$;

REVOKE ALL ON FUNCTION nexo_operator_login_lookup(text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_operator_login_lookup(text) TO ${app_role};

-- Whether a tenant user or a platform operator already logs in with this e-mail (case-insensitive):
-- what an employee creating a user, or changing a user's e-mail, must know, and nothing more. Login
-- names are unique across tenants and operators, so the check crosses tenants; it answers yes or no.
CREATE OR REPLACE FUNCTION nexo_login_name_taken(p_email text)
    RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (SELECT FROM public.app_user u WHERE lower(u.email) = lower(p_email))
        OR EXISTS (SELECT FROM public.platform_operator o WHERE lower(o.email) = lower(p_email))
$$;

REVOKE ALL ON FUNCTION nexo_login_name_taken(text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_login_name_taken(text) TO ${staff_role};

-- Records an event of the login path, where no tenant context exists yet. The tenant is taken
-- from the user with that e-mail, when there is one; otherwise the event belongs to no tenant: never
-- a tenant the caller names. Outside a context (the login path, as the application role) only the
-- login outcomes may be recorded. Portal actors record their own password changes through it too
-- (the security log itself is staff-only), and only for their own user: in a context the e-mail must
-- be the context user's.
CREATE OR REPLACE FUNCTION nexo_record_login_event(p_event_type text, p_email text, p_address text, p_user_agent text, p_details text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    context_user uuid := public.nexo_user_id();
    found_user public.app_user;
BEGIN
    SELECT * INTO found_user FROM public.app_user u WHERE lower(u.email) = lower(p_email);
    IF context_user IS NULL THEN
        IF p_event_type IS NULL OR p_event_type NOT IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOCKED_OUT') THEN
            RAISE EXCEPTION 'the login path records login outcomes only, not %', p_event_type
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF p_event_type IS DISTINCT FROM 'PASSWORD_CHANGED' OR found_user.id IS DISTINCT FROM context_user THEN
        RAISE EXCEPTION 'an actor records only the change of its own password'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.security_event (id, tenant_id, event_type, user_id, email, address, user_agent, details)
    VALUES (gen_random_uuid(), found_user.tenant_id, p_event_type, found_user.id, lower(p_email),
            left(p_address, 64), left(p_user_agent, 256), left(p_details, 1000));
END
$$;

REVOKE ALL ON FUNCTION nexo_record_login_event(text, text, text, text, text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_record_login_event(text, text, text, text, text)
    TO ${app_role}, ${client_role}, ${supplier_role}, ${professional_role};

-- Single sign-on: the tenant that lets people of this e-mail domain in on their first sign-on
-- (active, auto-creation on, this domain allowed). At most one (the domain is unique across
-- tenants). Exactly one domain in, only the tenant's id out.
CREATE OR REPLACE FUNCTION nexo_sso_auto_create_tenant(p_domain text)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT t.id
      FROM public.tenant t
     WHERE t.sso_auto_create
       AND t.status = 'ACTIVE'
       AND t.sso_allowed_domain = lower(p_domain)
$$;

REVOKE ALL ON FUNCTION nexo_sso_auto_create_tenant(text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_sso_auto_create_tenant(text) TO ${app_role};

-- Creates the installation's first operator, from configuration at start-up, and only while there is
-- none: it cannot add a second operator, so the application role cannot mint operators at will.
-- Returns whether it created one. Refuses an e-mail that a tenant user already has (login names are
-- unique across users and operators). The table lock serialises nodes starting at the same time.
CREATE OR REPLACE FUNCTION nexo_create_first_operator(p_id uuid, p_email text, p_display_name text, p_password_hash text)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
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

REVOKE ALL ON FUNCTION nexo_create_first_operator(uuid, text, text, text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_create_first_operator(uuid, text, text, text) TO ${app_role};

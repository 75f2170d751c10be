-- Single sign-on (OpenID Connect). The tenant settings it needs (sso_auto_create, sso_allowed_domain,
-- one tenant per domain) arrived with V4; this adds the one look-up the sign-on path needs before any
-- tenant context exists.

-- The tenant that lets people of this e-mail domain in on their first sign-on: active, with
-- auto-creation on and this domain allowed. At most one (the domain is unique across tenants).
-- Same rules as nexo_login_lookup: exactly one domain in, only the tenant's id out.
CREATE FUNCTION nexo_sso_auto_create_tenant(p_domain text)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    SELECT t.id
      FROM public.tenant t
     WHERE t.sso_auto_create
       AND t.status = 'ACTIVE'
       AND t.sso_allowed_domain = lower(p_domain)
$$;
REVOKE ALL ON FUNCTION nexo_sso_auto_create_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_sso_auto_create_tenant(text) TO ${app_role};

-- Turning auto-creation on needs a domain to decide the tenant by.
ALTER TABLE tenant
    ADD CONSTRAINT tenant_sso_auto_create_needs_domain CHECK (NOT sso_auto_create OR sso_allowed_domain IS NOT NULL);

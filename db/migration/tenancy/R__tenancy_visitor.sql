-- The public path: how an anonymous request finds the tenant its address names, before any context
-- exists. Like the login look-ups it runs as the owner (SECURITY DEFINER) with a fixed search path,
-- takes one key, answers only for an active tenant and returns only what a public page shows. Only the
-- application role, outside any context, calls it.
CREATE OR REPLACE FUNCTION nexo_public_tenant(p_code text)
    RETURNS TABLE (tenant_id uuid, name text, default_locale text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT t.id, t.name, t.default_locale
      FROM public.tenant t
     WHERE t.code = p_code AND t.status = 'ACTIVE'
$$;

REVOKE ALL ON FUNCTION nexo_public_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_public_tenant(text) TO ${app_role};

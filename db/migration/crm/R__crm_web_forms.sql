-- The web-to-lead path: how an anonymous post to /crm/web-to-lead/<token> finds its tenant and form,
-- before any context exists. Like the login look-ups it runs as the owner (SECURITY DEFINER) with a
-- fixed search path, takes one key, answers only for an enabled form of an active tenant and returns
-- only the two ids; the lead is then written as the tenant's system work, under row-level security.
-- Only the application role, outside any context, calls it.
CREATE OR REPLACE FUNCTION nexo_crm_web_form_tenant(p_token text)
    RETURNS TABLE (tenant_id uuid, form_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT f.tenant_id, f.id
      FROM public.crm_web_form f
      JOIN public.tenant t ON t.id = f.tenant_id
     WHERE f.token = p_token AND f.enabled AND t.status = 'ACTIVE'
$$;

REVOKE ALL ON FUNCTION nexo_crm_web_form_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_crm_web_form_tenant(text) TO ${app_role};

-- The CMS schedule (cms.content.PublicationSchedule) runs per tenant as system work; it first asks
-- which tenants have items due, before any context exists. Runs as the owner (SECURITY DEFINER) with a
-- fixed search path and returns tenant ids only; only the application role calls it.
CREATE OR REPLACE FUNCTION nexo_cms_due_tenants()
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT tenant_id FROM public.cms_item WHERE status = 'SCHEDULED' AND publish_at <= now()
    UNION
    SELECT tenant_id FROM public.cms_item WHERE status = 'PUBLISHED' AND expire_at <= now()
$$;

REVOKE ALL ON FUNCTION nexo_cms_due_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_cms_due_tenants() TO ${app_role};

-- The reminder scheduler (crm.reminders.ReminderTicker) first asks, before any tenant context exists,
-- which activities have a reminder due: open, not reminded yet, remind_at passed. Runs as the owner
-- with a fixed search path and returns ids only (tenant and activity); each tenant's reminders are
-- then sent as that tenant's system work, under row-level security. Only the application role calls it.
CREATE OR REPLACE FUNCTION nexo_crm_due_reminders(p_limit integer)
    RETURNS TABLE (tenant_id uuid, activity_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT a.tenant_id, a.id FROM public.crm_activity a
     WHERE a.remind_at <= now() AND a.reminded_at IS NULL AND NOT a.done AND a.remind_at IS NOT NULL
     ORDER BY a.remind_at
     LIMIT greatest(1, least(coalesce(p_limit, 500), 5000))
$$;

REVOKE ALL ON FUNCTION nexo_crm_due_reminders(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_crm_due_reminders(integer) TO ${app_role};

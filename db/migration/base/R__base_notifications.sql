-- Whether a user of the current tenant wants its notifications by e-mail too: the one thing of another
-- user's settings that notifying it needs (row-level security keeps the settings to their user).
-- Runs as the owner with a fixed search path, bound to the caller's tenant; yes or no only.
CREATE OR REPLACE FUNCTION nexo_notification_by_email(p_user uuid)
    RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce((SELECT s.by_email FROM public.notification_setting s
                      WHERE s.tenant_id = public.nexo_tenant_id() AND s.user_id = p_user), false)
$$;

REVOKE ALL ON FUNCTION nexo_notification_by_email(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_notification_by_email(uuid) TO ${staff_role};

-- Rows of login_throttle are created for every e-mail and address that fails, existing or not, so
-- without a purge the table grows with every guess an attacker makes. A row is forgotten once it has
-- been quiet (no failure window open, no lock-out running) for the given time; an active lock-out is
-- never forgotten. Forgetting also resets the doubling of lock-outs, which is the intent: a day of
-- quiet earns a fresh start.
CREATE FUNCTION nexo_login_throttle_purge(p_quiet_seconds integer)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    WITH gone AS (
        DELETE FROM public.login_throttle
         WHERE window_start < now() - make_interval(secs => greatest(p_quiet_seconds, 0))
           AND coalesce(locked_until, '-infinity') < now() - make_interval(secs => greatest(p_quiet_seconds, 0))
        RETURNING 1
    )
    SELECT count(*)::integer FROM gone
$$;

REVOKE ALL ON FUNCTION nexo_login_throttle_purge(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_login_throttle_purge(integer) TO ${app_role};

-- Login throttling, shared by every node (current definitions; first created by V3 and V10):
-- failures per account (e-mail, existing or not, so the answer never tells whether an account
-- exists) and per client address, in login_throttle, which only these functions touch. Repeatable:
-- Flyway runs this file again whenever it changes, after the versioned migrations. The login path
-- calls them as the application role, outside any context.

-- Seconds until this account or address may try again (0: may try now).
CREATE OR REPLACE FUNCTION nexo_login_wait_seconds(p_email text, p_address text)
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
CREATE OR REPLACE FUNCTION nexo_login_failed(p_email text, p_address text,
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
CREATE OR REPLACE FUNCTION nexo_login_succeeded(p_email text, p_user_id uuid)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
    DELETE FROM public.login_throttle WHERE kind = 'account' AND key = lower(p_email);
    UPDATE public.app_user SET last_login_at = now() WHERE id = p_user_id;
$$;

-- Rows of login_throttle are created for every e-mail and address that fails, existing or not, so
-- without a purge the table grows with every guess an attacker makes. A row is forgotten once it has
-- been quiet (no failure window open, no lock-out running) for the given time; an active lock-out is
-- never forgotten. Forgetting also resets the doubling of lock-outs, which is the intent: a day of
-- quiet earns a fresh start.
CREATE OR REPLACE FUNCTION nexo_login_throttle_purge(p_quiet_seconds integer)
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

REVOKE ALL ON FUNCTION nexo_login_wait_seconds(text, text),
                       nexo_login_failed(text, text, integer, integer, integer, integer, integer),
                       nexo_login_succeeded(text, uuid),
                       nexo_login_throttle_purge(integer)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_login_wait_seconds(text, text),
                          nexo_login_failed(text, text, integer, integer, integer, integer, integer),
                          nexo_login_succeeded(text, uuid),
                          nexo_login_throttle_purge(integer)
    TO ${app_role};

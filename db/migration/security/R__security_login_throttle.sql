-- Login throttling, shared by every node (current definitions; first created by V3 and V10):
-- failures per account (e-mail, existing or not, so the answer never tells whether an account
-- exists) and per client address, in login_throttle, which only these functions touch. Repeatable:
-- Flyway runs this file again whenever it changes, after the versioned migrations. The login path
-- calls them as the application role, outside any context. Thresholds and durations come from
-- login_settings (V28), which only the owner writes, never from the caller: a caller can neither lock
-- anyone for longer than configured nor unlock a running lock-out.

-- Seconds until this account or address may try again (0: may try now).
CREATE OR REPLACE FUNCTION nexo_login_wait_seconds(p_email text, p_address text)
    RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce(ceil(extract(epoch FROM max(locked_until) - now()))::integer, 0)
      FROM public.login_throttle
     WHERE locked_until > now()
       AND ((kind = 'account' AND key = lower(p_email)) OR (kind = 'address' AND key = p_address))
$$;

-- Counts a failure; returns the lock-out in seconds it started (0 when none). Failures count within
-- a window; reaching the threshold locks for base * 2^(earlier lockouts), capped, so that an attacker
-- slows a user down but can never lock them out for good.
CREATE OR REPLACE FUNCTION nexo_login_failed(p_email text, p_address text)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    settings public.login_settings;
    r record;
    lock_seconds integer := 0;
    started integer := 0;
BEGIN
    SELECT * INTO STRICT settings FROM public.login_settings;
    FOR r IN SELECT * FROM (VALUES ('account', lower(p_email), settings.account_failures),
                                   ('address', p_address, settings.address_failures)) AS v(kind, key, threshold)
              WHERE key IS NOT NULL AND key <> ''
    LOOP
        INSERT INTO public.login_throttle AS t (kind, key, failures, window_start)
        VALUES (r.kind, r.key, 1, now())
        ON CONFLICT (kind, key) DO UPDATE
            SET failures = CASE WHEN t.window_start < now() - make_interval(secs => settings.window_seconds)
                                THEN 1 ELSE t.failures + 1 END,
                window_start = CASE WHEN t.window_start < now() - make_interval(secs => settings.window_seconds)
                                    THEN now() ELSE t.window_start END;
        UPDATE public.login_throttle t
           SET locked_until = now() + make_interval(secs => least(settings.max_lockout_seconds,
                                      settings.lockout_seconds * 2 ^ least(t.lockouts, 16))::integer),
               lockouts = t.lockouts + 1,
               failures = 0,
               window_start = now()
         WHERE t.kind = r.kind AND t.key = r.key AND t.failures >= r.threshold
        RETURNING least(settings.max_lockout_seconds, settings.lockout_seconds * 2 ^ least(t.lockouts - 1, 16))::integer
             INTO lock_seconds;
        started := greatest(started, coalesce(lock_seconds, 0));
        lock_seconds := 0;
    END LOOP;
    RETURN started;
END
$$;

-- A successful login clears the account's failures and its lock-out history, but never a running
-- lock-out: the database cannot tell a real success from a call made as the application role, so
-- ending lock-outs here would let that role unlock an account under attack. A sign-on through the
-- identity provider is not stopped by the account's lock-out anyway (only the address's counts), so
-- the user keeps getting in while the password stays paused (DECISIONS.md, "A lock-out runs its
-- course").
CREATE OR REPLACE FUNCTION nexo_login_succeeded(p_email text, p_user_id uuid)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    DELETE FROM public.login_throttle
     WHERE kind = 'account' AND key = lower(p_email)
       AND (locked_until IS NULL OR locked_until <= now());
    UPDATE public.app_user SET last_login_at = now() WHERE id = p_user_id;
$$;

-- Rows of login_throttle are created for every e-mail and address that fails, existing or not, so
-- without a purge the table grows with every guess an attacker makes. A row is forgotten once it has
-- been quiet (no failure window open, no lock-out running) for login_settings.forget_after_seconds;
-- an active lock-out is never forgotten. Forgetting also resets the doubling of lock-outs, which is the
-- intent: a day of quiet earns a fresh start.
CREATE OR REPLACE FUNCTION nexo_login_throttle_purge()
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH quiet AS (
        SELECT now() - make_interval(secs => s.forget_after_seconds) AS since FROM public.login_settings s
    ), gone AS (
        DELETE FROM public.login_throttle t
         USING quiet
         WHERE t.window_start < quiet.since
           AND coalesce(t.locked_until, '-infinity') < quiet.since
           AND coalesce(t.locked_until, '-infinity') < now()
        RETURNING 1
    )
    SELECT count(*)::integer FROM gone
$$;

REVOKE ALL ON FUNCTION nexo_login_wait_seconds(text, text),
                       nexo_login_failed(text, text),
                       nexo_login_succeeded(text, uuid),
                       nexo_login_throttle_purge()
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_login_wait_seconds(text, text),
                          nexo_login_failed(text, text),
                          nexo_login_succeeded(text, uuid),
                          nexo_login_throttle_purge()
    TO ${app_role};

-- Planner statistics of a table that a long write (an import) grows fast. A list's statement is
-- prepared once per connection and PostgreSQL keeps its generic plan, made with the statistics of
-- the moment: a plan made when the table held a few rows (read it whole and sort) stays in use while
-- an import adds a million, and the list gets slower with every chunk. ANALYZE gives the table fresh
-- statistics and makes every connection plan its statements again. Autovacuum would do the same, but
-- only after its next round (a minute or more), and the application role may not ANALYZE.
--
-- Refreshes p_table's statistics when the rows changed since its last ANALYZE are at least 1,000 and
-- at least half the rows it had then, so a growing table is analysed a few times over an import (at
-- each half again); returns whether it did. Only the owner's tables of the public schema; when
-- autovacuum or another import is analysing it right now, it does nothing (and waits 50 ms at most).
CREATE OR REPLACE FUNCTION nexo_refresh_statistics(p_table regclass)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    SET lock_timeout = '50ms'
AS $$
DECLARE
    v_changed bigint;
    v_rows    real;
BEGIN
    SELECT s.n_mod_since_analyze, greatest(c.reltuples, 0) INTO v_changed, v_rows
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
     WHERE c.oid = p_table
       AND c.relnamespace = 'public'::regnamespace
       AND c.relowner = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user);
    IF v_changed IS NULL OR v_changed < 1000 OR v_changed < v_rows / 2 THEN
        RETURN false;
    END IF;
    EXECUTE format('ANALYZE %s', p_table);
    RETURN true;
EXCEPTION WHEN lock_not_available THEN
    RETURN false;
END
$$;
REVOKE ALL ON FUNCTION nexo_refresh_statistics(regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_refresh_statistics(regclass) TO ${staff_role};

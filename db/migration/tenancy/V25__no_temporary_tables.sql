-- Issue 12, item 1: no application role may create temporary tables or objects in any schema.
--
-- Unqualified names resolve in the session's temporary schema first (pg_temp comes before everything,
-- even pg_catalog, unless a search path lists it), so a temporary change_history or stock_balance
-- made by nexo_app could stand in for the real table inside a trigger: an update left no history and
-- an issue of a million units passed a warehouse that forbids negative stock. Every function now has a
-- fixed search path with pg_temp last or a body bound at creation (the R__ files), and this takes the
-- means away as well: TEMPORARY on the database is revoked from PUBLIC and from every NEXO role but
-- the owner, and CREATE on schema public from everyone but its owner. A fresh install gets the same
-- from db/roles/create-roles.sql and the bootstrap (which no longer grant TEMPORARY).
DO $revoke$
DECLARE
    role_name text;
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    FOREACH role_name IN ARRAY ARRAY['${app_role}', '${staff_role}', '${client_role}', '${supplier_role}',
                                     '${professional_role}', '${operator_role}'] LOOP
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', current_database(), role_name);
        EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', role_name);
    END LOOP;
    -- A REVOKE by the owner only removes what the owner granted (or a superuser granted while the
    -- owner owned the database). Anything else left over stops the migration with what to do.
    FOREACH role_name IN ARRAY ARRAY['${app_role}', '${staff_role}', '${client_role}', '${supplier_role}',
                                     '${professional_role}', '${operator_role}'] LOOP
        IF has_database_privilege(role_name, current_database(), 'TEMPORARY') THEN
            RAISE EXCEPTION 'role % may still create temporary tables in database %', role_name, current_database()
                USING HINT = 'As a superuser: REVOKE TEMPORARY ON DATABASE ' || quote_ident(current_database())
                             || ' FROM PUBLIC, ' || quote_ident(role_name) || ' (or run db/compose/init-roles.sh again)';
        END IF;
    END LOOP;
END
$revoke$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

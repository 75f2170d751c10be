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
END
$revoke$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

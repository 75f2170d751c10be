-- Creates NEXO's two database roles. Run by a PostgreSQL administrator, once per cluster, before
-- Flyway migrates. Placeholders in ${...} are replaced by the caller (the development bootstrap in
-- the application, or compose/init-roles.sh in a fresh Compose database).
--
-- owner: owns the schema and runs Flyway. BYPASSRLS lets data migrations and the narrow
--        SECURITY DEFINER login look-up read across tenants; it never serves a user request.
-- app:   the application's login role. Not an owner, not a superuser, NOBYPASSRLS; it gets only the
--        grants each migration gives it, so row-level security applies to everything it does.
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${owner_role}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${owner_role}', '${owner_password}');
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS', '${owner_role}');

    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${app_role}', '${app_password}');
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION', '${app_role}');
END
$roles$;

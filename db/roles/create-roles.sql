-- Creates NEXO's database roles. Run by a PostgreSQL administrator, once per cluster, before Flyway
-- migrates, and again after an upgrade that adds roles (it is idempotent: existing roles keep their
-- passwords). Placeholders in ${...} are replaced by the caller (the development bootstrap in the
-- application, or compose/init-roles.sh in a Compose database).
--
-- owner: owns the schema and runs Flyway. BYPASSRLS lets data migrations and the narrow
--        SECURITY DEFINER functions (login look-ups, searches) read across tenants; it never serves
--        a user request.
-- app:   the application's login role. Not an owner, not a superuser, NOBYPASSRLS. It holds no
--        privilege on any table and no policy applies to it: on its own it reads nothing. Each
--        transaction switches it to the role of its actor (set_config('role', ..., true)), and
--        NOINHERIT means it has none of those roles' privileges until it does.
-- actor roles (NOLOGIN): what an actor may touch at all is what its role was granted; which rows,
--        the policies written TO that role.
--   staff:        employees and system work (imports, seeding, schedules) of one tenant;
--   client, supplier, professional: the portal actors, one role each so that modules can grant
--                 them different things;
--   operator:     the platform operator (the tenant registry, nothing of a tenant's data);
--   visitor:      an anonymous reader of one tenant's public content (public pages), nothing else.
-- None of the roles but the owner may create temporary tables (unqualified names inside functions
-- would find them first) or anything in a schema: the database's TEMPORARY privilege is the owner's
-- alone (REVOKE below and in migration V25; a database is created with TEMPORARY for PUBLIC).
DO $roles$
DECLARE
    actor text;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${owner_role}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${owner_role}', '${owner_password}');
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS', '${owner_role}');

    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${app_role}', '${app_password}');
    END IF;
    EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION NOINHERIT',
                   '${app_role}');

    FOREACH actor IN ARRAY ARRAY['${staff_role}', '${client_role}', '${supplier_role}',
                                 '${professional_role}', '${operator_role}', '${visitor_role}'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = actor) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', actor);
        END IF;
        EXECUTE format('ALTER ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION',
                       actor);
        IF NOT pg_catalog.pg_has_role('${app_role}', actor, 'MEMBER') THEN
            EXECUTE format('GRANT %I TO %I', actor, '${app_role}');
        END IF;
    END LOOP;
END
$roles$;

-- The database this script runs in (the bootstrap runs it in the administrator's database, Compose in
-- NEXO's own; V25 does the same in NEXO's database whatever created it): no temporary tables for
-- PUBLIC and thus none for the application and actor roles.
DO $temporary$
BEGIN
    IF current_database() NOT IN ('postgres', 'template0', 'template1') THEN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    END IF;
END
$temporary$;

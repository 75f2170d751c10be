-- The visitor role (issue 18): an anonymous reader of one tenant's public content (public pages of the
-- CMS), served without login. A visitor's transaction is bound to the tenant named by the address and
-- switches to this role; only tables a module grants to it are readable, and only rows its policies TO
-- this role allow (published items for the public). It has no user and no party.

DO $check$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${visitor_role}') THEN
        RAISE EXCEPTION 'NEXO''s actor role % is missing', '${visitor_role}'
            USING HINT = 'Run db/roles/create-roles.sql once as a PostgreSQL administrator (Compose: run the'
                         ' updated db/compose/init-roles.sh against the running database; development: start'
                         ' with nexo.db.bootstrap.enabled=true), then start the application again.';
    ELSIF NOT pg_catalog.pg_has_role('${app_role}', '${visitor_role}', 'MEMBER') THEN
        RAISE EXCEPTION 'The application role % is not a member of %', '${app_role}', '${visitor_role}'
            USING HINT = 'Run db/roles/create-roles.sql once as a PostgreSQL administrator.';
    END IF;
END
$check$;

GRANT USAGE ON SCHEMA public TO ${visitor_role};

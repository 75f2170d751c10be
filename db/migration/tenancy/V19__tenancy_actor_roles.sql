-- Actor isolation by database role (issue 11), part 1: the roles must exist, and the tenant registry
-- gets policies TO the actor roles. Parts 2 to 6 (V20-V24) do the same for each module's tables.
--
-- Until now every policy was written for everyone and tested nexo_actor_type() IN (...) on each row;
-- the planner cannot estimate such a clause and took about 1 % of the real rows for every table
-- under row-level security. Now each transaction switches to its actor's role (set_config('role',
-- ..., true), in the statement that binds the context), GRANTs on that role decide what the actor may
-- touch at all, and policies TO that role decide which rows, with no test of the actor type. The
-- application's login role keeps no privilege on any table and no policy applies to it.

DO $check$
DECLARE
    actor text;
    missing text[] := '{}';
BEGIN
    FOREACH actor IN ARRAY ARRAY['${staff_role}', '${client_role}', '${supplier_role}',
                                 '${professional_role}', '${operator_role}'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = actor) THEN
            missing := missing || actor;
        ELSIF NOT pg_catalog.pg_has_role('${app_role}', actor, 'MEMBER') THEN
            missing := missing || format('%s (the application role %s is not a member)', actor, '${app_role}');
        END IF;
    END LOOP;
    IF cardinality(missing) > 0 THEN
        RAISE EXCEPTION 'NEXO''s actor roles are missing: %', array_to_string(missing, ', ')
            USING HINT = 'Run db/roles/create-roles.sql once as a PostgreSQL administrator (Compose: run the'
                         ' updated db/compose/init-roles.sh against the running database; development: start'
                         ' with nexo.db.bootstrap.enabled=true), then start the application again.';
    END IF;
END
$check$;

-- The schema is usable by every actor role (PUBLIC has USAGE too on PostgreSQL 15+; this does not
-- depend on it).
GRANT USAGE ON SCHEMA public
    TO ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};

DROP POLICY tenant_read ON tenant;
DROP POLICY tenant_write ON tenant;
DROP POLICY tenant_operator ON tenant;

-- Employees and system work read and change their own tenant's row (which of them may is the
-- application's permission check); a tenant row is created by system work bound to the new
-- tenant's id.
CREATE POLICY tenant_staff ON tenant FOR ALL TO ${staff_role}
    USING (id = nexo_tenant_id())
    WITH CHECK (id = nexo_tenant_id());
-- Portal actors read their own tenant's row (name, language).
CREATE POLICY tenant_portal ON tenant FOR SELECT TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (id = nexo_tenant_id());
-- The platform operator manages the registry: every tenant's row, and no other table of a tenant.
CREATE POLICY tenant_operator ON tenant FOR ALL TO ${operator_role}
    USING (true)
    WITH CHECK (true);

REVOKE ALL ON tenant FROM ${app_role};
GRANT SELECT, INSERT, UPDATE ON tenant TO ${staff_role};
GRANT SELECT ON tenant TO ${client_role}, ${supplier_role}, ${professional_role};
GRANT SELECT, UPDATE ON tenant TO ${operator_role};

-- Functions: their grants live in the repeatable R__ files (each file states a function's whole
-- access list). What V1-V18 granted the application role on functions goes here; the R__ files give
-- the login path's functions back to it.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM ${app_role};

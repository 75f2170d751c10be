-- The request context read by every row-level security policy (current definitions; first created
-- by V1). Repeatable: Flyway runs this file again whenever it changes, after the versioned
-- migrations, so every statement here is CREATE OR REPLACE or an idempotent GRANT.
--
-- Each transaction binds these settings with set_config(name, value, true) (transaction-local) in the
-- same statement that switches to the actor's role. A missing or empty setting yields NULL, so every
-- policy comparison is false: zero rows, no error. The functions are STABLE SQL, inlined by the
-- planner, which evaluates them once per statement for its estimates and can use indexes that lead
-- with tenant_id.
--
-- Their bodies are SQL-standard (RETURN ...): parsed when the function is created, every name bound
-- then, so no search path of the caller (a temporary type named uuid, a schema listed before
-- pg_catalog) can change what they mean. A SET search_path clause would do the same but stops the
-- planner from inlining them (figures in DECISIONS.md, "Fixed search paths"); a body bound at creation
-- is still inlined.

CREATE OR REPLACE FUNCTION nexo_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN nullif(pg_catalog.current_setting('nexo.tenant_id', true), '')::pg_catalog.uuid;

CREATE OR REPLACE FUNCTION nexo_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN nullif(pg_catalog.current_setting('nexo.user_id', true), '')::pg_catalog.uuid;

-- employee, client, supplier, professional, system (batch jobs, seeding) or operator (platform).
-- Context information only (history rows record it): no policy tests it, the actor's role decides.
CREATE OR REPLACE FUNCTION nexo_actor_type() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN nullif(pg_catalog.current_setting('nexo.actor_type', true), '');

-- For external actors (client, supplier, professional): the account they belong to.
CREATE OR REPLACE FUNCTION nexo_party_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN nullif(pg_catalog.current_setting('nexo.party_id', true), '')::pg_catalog.uuid;

-- Policies and column defaults of every actor call them.
GRANT EXECUTE ON FUNCTION nexo_tenant_id(), nexo_user_id(), nexo_actor_type(), nexo_party_id()
    TO ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role}, ${visitor_role};

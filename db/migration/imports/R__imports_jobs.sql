-- Functions of the import centre. Each runs as the owner with a fixed search path and ends with its
-- access list.

-- Moves the current tenant's rows of one import from the COPY inbox into the staging table, in the
-- caller's transaction, and returns how many. The import must be the current tenant's.
CREATE OR REPLACE FUNCTION nexo_imports_take_inbox(p_import uuid)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_tenant uuid := public.nexo_tenant_id();
    v_moved  bigint;
BEGIN
    IF v_tenant IS NULL OR NOT EXISTS (
            SELECT FROM public.import_run WHERE id = p_import AND tenant_id = v_tenant) THEN
        RAISE EXCEPTION 'no such import in this tenant' USING ERRCODE = '42501';
    END IF;
    WITH moved AS (
        DELETE FROM public.import_inbox
         WHERE tenant_id = v_tenant AND import_id = p_import
        RETURNING line, key, vals, refusal_field, refusal_key, refusal_args
    )
    INSERT INTO public.import_line (tenant_id, import_id, line, key, vals, refusal_field, refusal_key, refusal_args)
    SELECT v_tenant, p_import, line, key, vals, refusal_field, refusal_key, refusal_args FROM moved;
    GET DIAGNOSTICS v_moved = ROW_COUNT;
    RETURN v_moved;
END
$$;
REVOKE ALL ON FUNCTION nexo_imports_take_inbox(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_imports_take_inbox(uuid) TO ${staff_role};

-- Replaced by nexo_imports_claim_interrupted (V78: the lease has a holder).
DROP FUNCTION IF EXISTS nexo_imports_interrupted();

-- Takes over the imports whose job was going on when its node stopped or stalled (any tenant; the
-- lease its node renews ran out): each becomes held by p_holder for p_seconds, in this statement, so
-- two nodes looking at once never take the same import. An import whose row a transaction still
-- locks (a chunk of a stalled node that has not ended yet) is left for a later look. Returns only ids,
-- for the caller to resume each import in its tenant's context.
CREATE OR REPLACE FUNCTION nexo_imports_claim_interrupted(p_holder uuid, p_seconds integer)
    RETURNS TABLE (import_id uuid, tenant_id uuid, user_id uuid)
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    UPDATE public.import_run r
       SET lease_holder = p_holder,
           lease_until = now() + greatest(p_seconds, 1) * interval '1 second'
      FROM (SELECT i.id FROM public.import_run i
             WHERE i.state IN ('CHECKING', 'QUEUED', 'RUNNING', 'UNDOING')
               AND (i.lease_until IS NULL OR i.lease_until < now())
               FOR UPDATE SKIP LOCKED) due
     WHERE r.id = due.id
    RETURNING r.id, r.tenant_id, r.created_by
$$;
REVOKE ALL ON FUNCTION nexo_imports_claim_interrupted(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_imports_claim_interrupted(uuid, integer) TO ${app_role};

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

-- Imports whose job was going on when its node stopped (any tenant; the lease the node renews with
-- every chunk ran out), for another start-up to resume them in their tenant's context: only ids.
CREATE OR REPLACE FUNCTION nexo_imports_interrupted()
    RETURNS TABLE (import_id uuid, tenant_id uuid, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT id, tenant_id, created_by FROM public.import_run
     WHERE state IN ('CHECKING', 'QUEUED', 'RUNNING', 'UNDOING')
       AND (lease_until IS NULL OR lease_until < now())
$$;
REVOKE ALL ON FUNCTION nexo_imports_interrupted() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_imports_interrupted() TO ${app_role};

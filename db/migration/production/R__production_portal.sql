-- The professional portal's one definer function (current definition; the grants and policies are
-- V62's). Repeatable: Flyway runs this file again whenever it changes.
--
-- nexo_production_portal_refresh(task): after a professional added or stopped time on one of its own
-- tasks, adds that task's time up again into the task's hours, cost and state, and its order's
-- actual service cost and state, as WorkService's refresh does for employees. A professional may not
-- write an order (nor lock it), so this runs as the owner; it touches nothing but the caller's own
-- task (checked by tenant and party here, a second wall behind the portal service) and that task's
-- order, whose values it only recomputes from the time records. It locks the order and refuses
-- (SQLSTATE NXP01) when the order is no longer released or in progress: an order closed or
-- cancelled meanwhile takes no more time, and the caller's transaction rolls back.
CREATE OR REPLACE FUNCTION nexo_production_portal_refresh(p_task uuid) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    party uuid := public.nexo_party_id();
    job_order uuid;
    order_status text;
    worked boolean;
BEGIN
    IF tenant IS NULL OR party IS NULL OR public.nexo_actor_type() IS DISTINCT FROM 'professional' THEN
        RAISE EXCEPTION 'only a professional adds up the time of its own tasks'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT t.order_id INTO job_order
      FROM public.production_order_task t
     WHERE t.tenant_id = tenant AND t.id = p_task AND t.professional_id = party;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no task % of this professional', p_task USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT o.status INTO order_status
      FROM public.production_order o
     WHERE o.tenant_id = tenant AND o.id = job_order
       FOR UPDATE;
    IF order_status NOT IN ('RELEASED', 'IN_PROGRESS') THEN
        RAISE EXCEPTION 'the order of task % is % and takes no more time', p_task, order_status
            USING ERRCODE = 'NXP01';
    END IF;
    SELECT EXISTS (SELECT 1 FROM public.production_time_entry e WHERE e.tenant_id = tenant AND e.task_id = p_task)
      INTO worked;
    UPDATE public.production_order_task t
       SET actual_hours = s.hours, actual_cost = s.cost, version = t.version + 1,
           status = CASE WHEN worked AND t.status IN ('OPEN', 'ACCEPTED') THEN 'IN_PROGRESS' ELSE t.status END
      FROM (SELECT coalesce(sum(e.hours), 0) AS hours, coalesce(sum(e.cost), 0) AS cost
              FROM public.production_time_entry e
             WHERE e.tenant_id = tenant AND e.task_id = p_task) s
     WHERE t.tenant_id = tenant AND t.id = p_task;
    UPDATE public.production_order o
       SET actual_service_cost = (SELECT coalesce(sum(e.cost), 0) FROM public.production_time_entry e
                                   WHERE e.tenant_id = tenant AND e.order_id = o.id),
           status = CASE WHEN o.status = 'RELEASED' AND worked THEN 'IN_PROGRESS' ELSE o.status END,
           started_at = CASE WHEN worked THEN coalesce(o.started_at, now()) ELSE o.started_at END,
           updated_at = now()
     WHERE o.tenant_id = tenant AND o.id = job_order;
END
$$;

REVOKE ALL ON FUNCTION nexo_production_portal_refresh(uuid)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_production_portal_refresh(uuid) TO ${professional_role};

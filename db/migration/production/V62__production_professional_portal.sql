-- The professional portal (issue 19): a professional (an account with the professional role, logged in
-- through one of its contacts) works on the service tasks of production orders that are assigned to
-- the worker tied to its account (production_worker.professional_id, copied onto the task and every
-- time record as professional_id). Everything below is bound to nexo_party_id(): the portal role sees
-- and writes its own account's rows only, never another professional's nor the rest of the tenant.
--
--   production_worker        read: its own worker rows (the hourly rate its pay is reckoned at).
--   production_order_task    read its own tasks; change only status, done_at and version (accept,
--                            mark done). Hours and cost are sums the definer function writes.
--   production_order         read the orders it has a task on (number, quantity, dates, notes).
--   production_work_centre   read the centres of those orders.
--   production_time_entry    read, add and stop (ended_at, hours, cost) its own time, at its own
--                            worker's rate on its own task; delete only a running clock of its own.
--   production_task_file     new: the files it uploaded to one of its tasks (staff reads them all).
--
-- The order's actual cost and state, which a professional may not write, are added up again by
-- nexo_production_portal_refresh (R__production_portal.sql) after each change of time.

-- ------------------------------------------------------------------ workers
CREATE POLICY production_worker_professional ON production_worker FOR SELECT TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id());
GRANT SELECT ON production_worker TO ${professional_role};

-- ------------------------------------------------------------------ tasks
CREATE POLICY production_order_task_professional ON production_order_task FOR ALL TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id());
GRANT SELECT ON production_order_task TO ${professional_role};
GRANT UPDATE (status, done_at, version) ON production_order_task TO ${professional_role};

-- ------------------------------------------------------------------ orders and their centres
CREATE POLICY production_order_professional ON production_order FOR SELECT TO ${professional_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM production_order_task t
                        WHERE t.tenant_id = production_order.tenant_id AND t.order_id = production_order.id
                          AND t.professional_id = nexo_party_id()));
GRANT SELECT ON production_order TO ${professional_role};

CREATE POLICY production_work_centre_professional ON production_work_centre FOR SELECT TO ${professional_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM production_order o
                         JOIN production_order_task t ON t.tenant_id = o.tenant_id AND t.order_id = o.id
                        WHERE o.tenant_id = production_work_centre.tenant_id
                          AND o.work_centre_id = production_work_centre.id
                          AND t.professional_id = nexo_party_id()));
GRANT SELECT ON production_work_centre TO ${professional_role};

-- ------------------------------------------------------------------ time
-- A new or stopped record must name the professional's own worker at that worker's rate, its own
-- task of that order, and cost its hours at that rate: no forged rate, worker or task.
CREATE POLICY production_time_entry_professional_read ON production_time_entry FOR SELECT TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id());
CREATE POLICY production_time_entry_professional_add ON production_time_entry FOR INSERT TO ${professional_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id()
                AND coalesce(cost = round(hours * hourly_rate, 2), true)
                AND EXISTS (SELECT 1 FROM production_worker w
                             WHERE w.tenant_id = production_time_entry.tenant_id AND w.id = production_time_entry.worker_id
                               AND w.professional_id = nexo_party_id() AND w.hourly_rate = production_time_entry.hourly_rate)
                AND EXISTS (SELECT 1 FROM production_order_task t
                             WHERE t.tenant_id = production_time_entry.tenant_id AND t.id = production_time_entry.task_id
                               AND t.order_id = production_time_entry.order_id AND t.professional_id = nexo_party_id()));
CREATE POLICY production_time_entry_professional_stop ON production_time_entry FOR UPDATE TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id()
                AND coalesce(cost = round(hours * hourly_rate, 2), true));
CREATE POLICY production_time_entry_professional_discard ON production_time_entry FOR DELETE TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND professional_id = nexo_party_id() AND hours IS NULL);
GRANT SELECT, INSERT, DELETE ON production_time_entry TO ${professional_role};
-- The professional's time by date, newest first (its time page's keyset order).
CREATE INDEX production_time_entry_professional_ix ON production_time_entry (tenant_id, professional_id, work_date, id)
    WHERE professional_id IS NOT NULL;
GRANT UPDATE (ended_at, hours, cost, version) ON production_time_entry TO ${professional_role};

-- ------------------------------------------------------------------ files of a task
-- A file (base's stored_file, owned by the uploader's account since V58) tied to a task: uploaded by
-- the professional who performs it, read by the back office on the order's tasks.
CREATE TABLE production_task_file (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    task_id             uuid        NOT NULL,
    file_id             uuid        NOT NULL,
    -- The account whose professional uploaded it (null: added by an employee).
    party_id            uuid        DEFAULT nexo_party_id(),
    created_by          uuid        DEFAULT nexo_user_id(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT production_task_file_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_task_file_uk UNIQUE (tenant_id, task_id, file_id),
    CONSTRAINT production_task_file_task_fk FOREIGN KEY (tenant_id, task_id)
        REFERENCES production_order_task (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_task_file_file_fk FOREIGN KEY (tenant_id, file_id)
        REFERENCES stored_file (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX production_task_file_task_ix ON production_task_file (tenant_id, task_id, created_at);

ALTER TABLE production_task_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_task_file FORCE ROW LEVEL SECURITY;

CREATE POLICY production_task_file_staff ON production_task_file FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
-- Its own uploads (files of its own account) on its own tasks only: a foreign-key check ignores
-- row-level security, so the policy names the file's owner too.
CREATE POLICY production_task_file_professional ON production_task_file FOR ALL TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id()
                AND EXISTS (SELECT 1 FROM production_order_task t
                             WHERE t.tenant_id = production_task_file.tenant_id AND t.id = production_task_file.task_id
                               AND t.professional_id = nexo_party_id())
                AND EXISTS (SELECT 1 FROM stored_file f
                             WHERE f.tenant_id = production_task_file.tenant_id AND f.id = production_task_file.file_id
                               AND f.party_id = nexo_party_id()));

GRANT SELECT, INSERT, DELETE ON production_task_file TO ${staff_role}, ${professional_role};

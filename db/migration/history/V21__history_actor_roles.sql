-- Actor isolation by database role (issue 11), part 3: the change history. See V19.
--
-- Only staff changes tracked tables, so only staff writes history (through the triggers, which run
-- as the caller) and reads it. The policy that let any actor append rows goes: portal roles have no
-- grant on change_history at all.

DROP POLICY change_history_staff ON change_history;
DROP POLICY change_history_record ON change_history;
REVOKE ALL ON change_history FROM ${app_role};

-- Read by employees and system work of the tenant (which module's history a user may read is the
-- module service's permission check); append-only: no UPDATE or DELETE grant.
CREATE POLICY change_history_staff ON change_history FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
GRANT SELECT, INSERT ON change_history TO ${staff_role};

-- A user updating its own row (language, password) must not be able to rewrite what its database
-- context is derived from at login: actor type, account (party), administrator flag, enabled.
-- Employees still reach their own row through app_user_staff, where the application's permission
-- checks decide; for portal actors this policy is the only way in.
DROP POLICY app_user_self_update ON app_user;
CREATE POLICY app_user_self_update ON app_user FOR UPDATE
    USING (tenant_id = nexo_tenant_id() AND id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id()
                AND id = nexo_user_id()
                AND actor_type = nexo_actor_type()
                AND party_id IS NOT DISTINCT FROM nexo_party_id()
                AND NOT tenant_admin
                AND enabled);

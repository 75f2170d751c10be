-- Actor isolation by database role (issue 11), part 2: users, roles, the security log and platform
-- operators get policies TO the actor roles instead of per-row tests of the actor type, and grants
-- per role instead of one grant to the application's login role. See V19.

DROP POLICY app_user_staff ON app_user;
DROP POLICY app_user_self ON app_user;
DROP POLICY app_user_self_update ON app_user;
DROP POLICY role_staff ON role;
DROP POLICY role_permission_staff ON role_permission;
DROP POLICY role_permission_read ON role_permission;
DROP POLICY user_role_staff ON user_role;
DROP POLICY user_role_self ON user_role;
DROP POLICY security_event_staff ON security_event;
DROP POLICY platform_operator_self ON platform_operator;
DROP POLICY platform_operator_self_update ON platform_operator;

REVOKE ALL ON app_user, role, role_permission, user_role, security_event, login_throttle, platform_operator
    FROM ${app_role};

-- Employees and system work manage the users, roles and assignments of their tenant (who may is the
-- application's permission check).
CREATE POLICY app_user_staff ON app_user FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY role_staff ON role FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY role_permission_staff ON role_permission FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY user_role_staff ON user_role FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, role, role_permission, user_role TO ${staff_role};

-- A portal actor reads its own user row, and updates it (language, password) but none of the
-- columns its context is derived from at login: the column grant leaves out actor type, account
-- (party), tenant and id, and the policy keeps the row enabled. No INSERT or DELETE.
CREATE POLICY app_user_self ON app_user FOR SELECT TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND id = nexo_user_id());
CREATE POLICY app_user_self_update ON app_user FOR UPDATE TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND id = nexo_user_id() AND enabled);
GRANT SELECT ON app_user TO ${client_role}, ${supplier_role}, ${professional_role};
GRANT UPDATE (email, display_name, password_hash, enabled, locale, password_changed_at, access_version,
              updated_at, version)
    ON app_user TO ${client_role}, ${supplier_role}, ${professional_role};

-- Every request of a portal actor reads its own role assignments and which permissions the tenant's
-- roles carry (codes only, nothing secret): that is how it learns what the user may do now. No
-- subqueries in policies, so they stay valid on Citus.
CREATE POLICY user_role_self ON user_role FOR SELECT TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id());
CREATE POLICY role_permission_read ON role_permission FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id());
GRANT SELECT ON user_role, role_permission TO ${client_role}, ${supplier_role}, ${professional_role};

-- Security events of the tenant: read and appended by staff (no UPDATE or DELETE). The login path
-- and portal actors write through nexo_record_login_event.
CREATE POLICY security_event_staff ON security_event FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
GRANT SELECT, INSERT ON security_event TO ${staff_role};

-- An operator sees and updates only its own row (language, password), and may not disable or
-- re-enable itself. No INSERT or DELETE: the first operator is created by nexo_create_first_operator.
CREATE POLICY platform_operator_self ON platform_operator FOR SELECT TO ${operator_role}
    USING (id = nexo_user_id());
CREATE POLICY platform_operator_self_update ON platform_operator FOR UPDATE TO ${operator_role}
    USING (id = nexo_user_id())
    WITH CHECK (id = nexo_user_id() AND enabled);
GRANT SELECT ON platform_operator TO ${operator_role};
GRANT UPDATE (locale, password_hash, updated_at, version) ON platform_operator TO ${operator_role};

-- login_throttle keeps row-level security with no policy and no grant: only the login functions,
-- which run as the owner, touch it.

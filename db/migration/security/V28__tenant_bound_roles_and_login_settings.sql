-- Issue 12, items 3 and 4.
--
-- Item 3: role assignments and role permissions referred to users and roles by id alone, so a row of
-- one tenant could name another tenant's user or role. Like every other reference of the schema they
-- now include the tenant: (tenant_id, user_id) and (tenant_id, role_id). Rows that already cross
-- tenants can only come from such a mistake or an attack and grant nothing legitimate: they go.
ALTER TABLE role ADD CONSTRAINT role_tenant_id_uk UNIQUE (tenant_id, id);

DELETE FROM user_role ur
 WHERE NOT EXISTS (SELECT FROM app_user u WHERE u.tenant_id = ur.tenant_id AND u.id = ur.user_id)
    OR NOT EXISTS (SELECT FROM role r WHERE r.tenant_id = ur.tenant_id AND r.id = ur.role_id);
DELETE FROM role_permission rp
 WHERE NOT EXISTS (SELECT FROM role r WHERE r.tenant_id = rp.tenant_id AND r.id = rp.role_id);

ALTER TABLE user_role DROP CONSTRAINT user_role_user_id_fkey;
ALTER TABLE user_role DROP CONSTRAINT user_role_role_id_fkey;
ALTER TABLE role_permission DROP CONSTRAINT role_permission_role_id_fkey;
ALTER TABLE user_role ADD CONSTRAINT user_role_user_fk
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_fk
    FOREIGN KEY (tenant_id, role_id) REFERENCES role (tenant_id, id) ON DELETE CASCADE;
ALTER TABLE role_permission ADD CONSTRAINT role_permission_role_fk
    FOREIGN KEY (tenant_id, role_id) REFERENCES role (tenant_id, id) ON DELETE CASCADE;

-- Item 4: the login throttle took its thresholds and durations from the caller, so one call as the
-- application role could lock a user for 63 years and another (a negative duration) unlock a locked
-- one. They now live here, in one row that only the owner writes: no application role holds any
-- privilege on the table, and the login functions (SECURITY DEFINER) read it. The values are
-- nexo.login.* of the application's configuration, written by the owner's Flyway connection after
-- each migration (security.login.LoginSettingsCallback); the defaults below are those of LoginProperties.
-- The checks bound what even a wrong configuration can do: a lock-out lasts a day at most.
CREATE TABLE login_settings (
    id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
    account_failures     integer NOT NULL DEFAULT 5 CHECK (account_failures BETWEEN 1 AND 1000),
    address_failures     integer NOT NULL DEFAULT 30 CHECK (address_failures BETWEEN 1 AND 1000000),
    window_seconds       integer NOT NULL DEFAULT 900 CHECK (window_seconds BETWEEN 1 AND 86400),
    lockout_seconds      integer NOT NULL DEFAULT 60 CHECK (lockout_seconds BETWEEN 1 AND 86400),
    max_lockout_seconds  integer NOT NULL DEFAULT 1800 CHECK (max_lockout_seconds BETWEEN 1 AND 86400),
    forget_after_seconds integer NOT NULL DEFAULT 86400 CHECK (forget_after_seconds BETWEEN 0 AND 31536000),
    CHECK (max_lockout_seconds >= lockout_seconds)
);
INSERT INTO login_settings DEFAULT VALUES;
ALTER TABLE login_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_settings FORCE ROW LEVEL SECURITY;
REVOKE ALL ON login_settings
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};

-- The throttle functions lose their caller-given parameters (new signatures in
-- security/R__security_login_throttle.sql, which runs after this file).
DROP FUNCTION nexo_login_failed(text, text, integer, integer, integer, integer, integer);
DROP FUNCTION nexo_login_throttle_purge(integer);

-- In-app notifications (base.notifications): what a user is told (a reminder, a stage rule...), shown
-- under the bell in the header until read. Any module notifies any employee of its tenant; each user
-- reads, marks read and deletes only its own. Plus each user's choice to get them by e-mail too.

CREATE TABLE notification (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    user_id    uuid        NOT NULL,
    -- What it is about, for the sender's module ("crm.reminder", "crm.stage-rule").
    kind       text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9.-]*$' AND length(kind) <= 80),
    -- The title: a bundle key with its arguments, translated when shown, or a plain text.
    title_key  text        CHECK (title_key ~ '^[a-z][a-z0-9.-]*$' AND length(title_key) <= 120),
    title_args text[]      NOT NULL DEFAULT '{}',
    title_text text        CHECK (btrim(title_text) <> '' AND length(title_text) <= 500),
    -- Where clicking it goes (a route of the application, "crm/opportunities/..."); null: nowhere.
    link       text        CHECK (length(link) <= 500 AND link !~ '^[a-z]+:'),
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz,
    CONSTRAINT notification_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT notification_title CHECK (num_nonnulls(title_key, title_text) = 1),
    CONSTRAINT notification_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
-- The bell: a user's latest, and its unread count.
CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (tenant_id, user_id) WHERE read_at IS NULL;

-- A user's choices about notifications (no row: in the app only).
CREATE TABLE notification_setting (
    tenant_id  uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    user_id    uuid        NOT NULL DEFAULT nexo_user_id(),
    by_email   boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT notification_setting_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
ALTER TABLE notification_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_setting FORCE ROW LEVEL SECURITY;

-- A user reads, marks and deletes its own notifications only...
CREATE POLICY notification_own ON notification FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id());
-- ...and anyone of the tenant's staff (or its system work) may notify any user of the tenant.
CREATE POLICY notification_send ON notification FOR INSERT TO ${staff_role}
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY notification_setting_own ON notification_setting FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON notification TO ${staff_role};
GRANT SELECT, INSERT, UPDATE ON notification_setting TO ${staff_role};

-- Requests (issue 19): a client opens a request (subject, category, text, attachments) from the
-- portal, the back office answers, both sides write messages until one of them closes it. Files are
-- base's stored files (V56; a portal user's upload belongs to its account by V58); support_attachment
-- ties one to a message.
--
-- Staff reads and writes its tenant's requests. The client role reads and writes only its own
-- account's (party_id = nexo_party_id()): it opens requests, adds messages and attachments to them,
-- marks them read and closes them. Messages and attachments carry the request's party, held equal to
-- it by composite foreign keys, so the client's policies need no subquery and a row that names its own
-- party cannot hang under another account's request.

CREATE TABLE support_request (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    -- The client's account (accounts.account id).
    party_id         uuid        NOT NULL DEFAULT nexo_party_id(),
    subject          text        NOT NULL CHECK (btrim(subject) <> '' AND length(subject) <= 200),
    category         text        NOT NULL CHECK (category IN ('QUESTION', 'ORDER', 'INVOICE', 'DELIVERY', 'OTHER')),
    -- OPEN: waits for the back office; ANSWERED: waits for the client; CLOSED: done (either side).
    state            text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ANSWERED', 'CLOSED')),
    -- The portal user who opened it, with the address and language its answers are mailed to.
    opened_by        uuid        NOT NULL DEFAULT nexo_user_id(),
    opened_by_name   text        NOT NULL CHECK (length(opened_by_name) <= 200),
    opened_by_email  text        NOT NULL CHECK (length(opened_by_email) <= 320),
    opened_by_lang   text        NOT NULL CHECK (opened_by_lang IN ('es', 'en')),
    -- The employee who looks after it (app_user id), if any.
    assigned_to      uuid,
    -- An answer the client has not opened yet (the portal home counts these).
    unread_by_client boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_message_at  timestamptz NOT NULL DEFAULT now(),
    closed_at        timestamptz,
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT support_request_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT support_request_party_uk UNIQUE (tenant_id, id, party_id),
    CONSTRAINT support_request_closed CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL))
);
-- Lists: newest activity first, per tenant (back office) and per account (portal).
CREATE INDEX support_request_activity_ix ON support_request (tenant_id, last_message_at DESC, id DESC);
CREATE INDEX support_request_party_ix ON support_request (tenant_id, party_id, last_message_at DESC, id DESC);
CREATE INDEX support_request_unread_ix ON support_request (tenant_id, party_id) WHERE unread_by_client;

CREATE TABLE support_message (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id(),
    request_id   uuid        NOT NULL,
    party_id     uuid        NOT NULL DEFAULT nexo_party_id(),
    -- Written by the back office (true) or by the client (false).
    from_staff   boolean     NOT NULL,
    author_id    uuid        NOT NULL DEFAULT nexo_user_id(),
    author_name  text        NOT NULL CHECK (length(author_name) <= 200),
    body         text        NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 20000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT support_message_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT support_message_request_fk FOREIGN KEY (tenant_id, request_id, party_id)
        REFERENCES support_request (tenant_id, id, party_id) ON DELETE CASCADE
);
CREATE INDEX support_message_request_ix ON support_message (tenant_id, request_id, created_at, id);

CREATE TABLE support_attachment (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id(),
    request_id   uuid        NOT NULL,
    party_id     uuid        NOT NULL DEFAULT nexo_party_id(),
    message_id   uuid        NOT NULL,
    file_id      uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT support_attachment_request_fk FOREIGN KEY (tenant_id, request_id, party_id)
        REFERENCES support_request (tenant_id, id, party_id) ON DELETE CASCADE,
    CONSTRAINT support_attachment_message_fk FOREIGN KEY (tenant_id, message_id)
        REFERENCES support_message (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT support_attachment_file_fk FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file (tenant_id, id)
);
CREATE INDEX support_attachment_request_ix ON support_attachment (tenant_id, request_id);
CREATE INDEX support_attachment_file_ix ON support_attachment (tenant_id, file_id);

-- "My files": files a client uploads to its account's documents, outside any request. The client lists
-- and downloads its account's, and deletes those it uploaded itself; staff reads them per account.
CREATE TABLE support_document (
    id                uuid PRIMARY KEY,
    tenant_id         uuid        NOT NULL DEFAULT nexo_tenant_id(),
    party_id          uuid        NOT NULL DEFAULT nexo_party_id(),
    file_id           uuid        NOT NULL,
    uploaded_by       uuid        NOT NULL DEFAULT nexo_user_id(),
    uploaded_by_name  text        NOT NULL CHECK (length(uploaded_by_name) <= 200),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT support_document_file_uk UNIQUE (tenant_id, file_id),
    CONSTRAINT support_document_file_fk FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file (tenant_id, id)
);
CREATE INDEX support_document_party_ix ON support_document (tenant_id, party_id, created_at DESC, id DESC);

ALTER TABLE support_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_document FORCE ROW LEVEL SECURITY;
ALTER TABLE support_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_request FORCE ROW LEVEL SECURITY;
ALTER TABLE support_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_message FORCE ROW LEVEL SECURITY;
ALTER TABLE support_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_attachment FORCE ROW LEVEL SECURITY;

-- Staff: its tenant.
CREATE POLICY support_request_staff ON support_request FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY support_message_staff ON support_message FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY support_attachment_staff ON support_attachment FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY support_document_staff ON support_document FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

-- The client: its own account's rows, in its tenant. It writes messages only as itself (author and not
-- staff), and opens requests only in its own name.
CREATE POLICY support_request_client_read ON support_request FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY support_request_client_open ON support_request FOR INSERT TO ${client_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND opened_by = nexo_user_id()
                AND state = 'OPEN' AND assigned_to IS NULL AND NOT unread_by_client);
-- Replying reopens it, reading clears unread_by_client, closing closes it: the column grant below
-- limits what the client may change, this policy to which rows.
CREATE POLICY support_request_client_update ON support_request FOR UPDATE TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY support_message_client_read ON support_message FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY support_message_client_write ON support_message FOR INSERT TO ${client_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND NOT from_staff
                AND author_id = nexo_user_id());
CREATE POLICY support_attachment_client_read ON support_attachment FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY support_attachment_client_write ON support_attachment FOR INSERT TO ${client_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());

CREATE POLICY support_document_client_read ON support_document FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY support_document_client_upload ON support_document FOR INSERT TO ${client_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND uploaded_by = nexo_user_id());
CREATE POLICY support_document_client_delete ON support_document FOR DELETE TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND uploaded_by = nexo_user_id());

-- Requests are never deleted (a closed one stays the account's record); messages and attachments are
-- written once. Staff reads the account's documents; only their client uploads and deletes them.
GRANT SELECT, INSERT, UPDATE ON support_request TO ${staff_role};
GRANT SELECT, INSERT ON support_message, support_attachment TO ${staff_role};
GRANT SELECT, INSERT ON support_request, support_message, support_attachment TO ${client_role};
GRANT UPDATE (state, unread_by_client, last_message_at, closed_at, version) ON support_request TO ${client_role};
GRANT SELECT ON support_document TO ${staff_role};
GRANT SELECT, INSERT, DELETE ON support_document TO ${client_role};

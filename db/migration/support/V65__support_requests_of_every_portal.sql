-- Requests of every portal (issue 19): suppliers and professionals open and follow requests as clients
-- do (V63). A request now names the kind of portal it was opened from (requester: CLIENT, SUPPLIER or
-- PROFESSIONAL), and each portal role reaches only its own account's requests of its own kind: an
-- account that is both a client and a supplier has client contacts and supplier contacts, and neither
-- reads the other's conversations. Messages and attachments carry the request's requester beside its
-- party, held equal to it by the composite foreign keys (as V63 does for the party), so the portal
-- policies stay free of subqueries. unread_by_client keeps its name: it means "unread by the requester".
--
-- New categories for what suppliers and professionals write about: PAYMENT (a bill or a payment due to
-- them) and JOB (a professional's job); which kind of requester is offered which is the service's rule.

ALTER TABLE support_request ADD COLUMN requester text NOT NULL DEFAULT 'CLIENT'
    CHECK (requester IN ('CLIENT', 'SUPPLIER', 'PROFESSIONAL'));
ALTER TABLE support_message ADD COLUMN requester text NOT NULL DEFAULT 'CLIENT';
ALTER TABLE support_attachment ADD COLUMN requester text NOT NULL DEFAULT 'CLIENT';
-- From now on a portal actor's row takes its own kind unless it says otherwise (the policies below
-- check what it says); staff names the request's requester when it answers.
ALTER TABLE support_request ALTER COLUMN requester SET DEFAULT upper(nexo_actor_type());
ALTER TABLE support_message ALTER COLUMN requester SET DEFAULT upper(nexo_actor_type());
ALTER TABLE support_attachment ALTER COLUMN requester SET DEFAULT upper(nexo_actor_type());

ALTER TABLE support_request DROP CONSTRAINT support_request_category_check;
ALTER TABLE support_request ADD CONSTRAINT support_request_category_check
    CHECK (category IN ('QUESTION', 'ORDER', 'INVOICE', 'DELIVERY', 'PAYMENT', 'JOB', 'OTHER'));

ALTER TABLE support_message DROP CONSTRAINT support_message_request_fk;
ALTER TABLE support_attachment DROP CONSTRAINT support_attachment_request_fk;
ALTER TABLE support_request DROP CONSTRAINT support_request_party_uk;
ALTER TABLE support_request ADD CONSTRAINT support_request_party_uk UNIQUE (tenant_id, id, party_id, requester);
ALTER TABLE support_message ADD CONSTRAINT support_message_request_fk
    FOREIGN KEY (tenant_id, request_id, party_id, requester)
    REFERENCES support_request (tenant_id, id, party_id, requester) ON DELETE CASCADE;
ALTER TABLE support_attachment ADD CONSTRAINT support_attachment_request_fk
    FOREIGN KEY (tenant_id, request_id, party_id, requester)
    REFERENCES support_request (tenant_id, id, party_id, requester) ON DELETE CASCADE;

-- A portal's list: its account's requests of its kind, latest activity first. The back office's list
-- may filter by kind (few kinds: the activity index and a filter serve it).
DROP INDEX support_request_party_ix;
CREATE INDEX support_request_party_ix ON support_request (tenant_id, party_id, requester, last_message_at DESC, id DESC);

-- The portal policies: V63's client policies again, each also bound to the requester, and the same
-- for the supplier and professional roles. One loop writes the three sets, so they cannot drift apart.
DROP POLICY support_request_client_read ON support_request;
DROP POLICY support_request_client_open ON support_request;
DROP POLICY support_request_client_update ON support_request;
DROP POLICY support_message_client_read ON support_message;
DROP POLICY support_message_client_write ON support_message;
DROP POLICY support_attachment_client_read ON support_attachment;
DROP POLICY support_attachment_client_write ON support_attachment;

DO $$
DECLARE
    portal record;
    own text;
BEGIN
    FOR portal IN
        SELECT * FROM (VALUES ('${client_role}', 'client', 'CLIENT'),
                              ('${supplier_role}', 'supplier', 'SUPPLIER'),
                              ('${professional_role}', 'professional', 'PROFESSIONAL')) AS p (role_name, actor, requester)
    LOOP
        own := format('tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND requester = %L',
                      portal.requester);
        -- It reads its own account's requests of its kind, opens them only in its own name (new, not
        -- assigned, nothing unread), and changes them (reply, read, close) within the column grant.
        EXECUTE format('CREATE POLICY %I ON support_request FOR SELECT TO %I USING (%s)',
                       'support_request_' || portal.actor || '_read', portal.role_name, own);
        EXECUTE format('CREATE POLICY %I ON support_request FOR INSERT TO %I WITH CHECK (%s AND opened_by = nexo_user_id()'
                           || ' AND state = ''OPEN'' AND assigned_to IS NULL AND NOT unread_by_client)',
                       'support_request_' || portal.actor || '_open', portal.role_name, own);
        EXECUTE format('CREATE POLICY %I ON support_request FOR UPDATE TO %I USING (%s) WITH CHECK (%s)',
                       'support_request_' || portal.actor || '_update', portal.role_name, own, own);
        -- It writes messages only as itself, never as staff; files only under its own requests.
        EXECUTE format('CREATE POLICY %I ON support_message FOR SELECT TO %I USING (%s)',
                       'support_message_' || portal.actor || '_read', portal.role_name, own);
        EXECUTE format('CREATE POLICY %I ON support_message FOR INSERT TO %I WITH CHECK (%s AND NOT from_staff'
                           || ' AND author_id = nexo_user_id())',
                       'support_message_' || portal.actor || '_write', portal.role_name, own);
        EXECUTE format('CREATE POLICY %I ON support_attachment FOR SELECT TO %I USING (%s)',
                       'support_attachment_' || portal.actor || '_read', portal.role_name, own);
        EXECUTE format('CREATE POLICY %I ON support_attachment FOR INSERT TO %I WITH CHECK (%s)',
                       'support_attachment_' || portal.actor || '_write', portal.role_name, own);
    END LOOP;
END
$$;

-- The same privileges as the client's (V63). The account's documents ("My files") stay the client's.
GRANT SELECT, INSERT ON support_request, support_message, support_attachment TO ${supplier_role}, ${professional_role};
GRANT UPDATE (state, unread_by_client, last_message_at, closed_at, version) ON support_request
    TO ${supplier_role}, ${professional_role};

-- Access per contact (issue 19): an employee invites a contact of an account to the portal. The mail
-- carries a one-time link whose token is stored here only as its SHA-256 hash; the link is valid for a
-- limited time, and a newer invitation of the same contact replaces the older one. Accepting it
-- creates the contact's portal user (security's app_user, party = the account) and records it here.
--
-- Staff only: the anonymous welcome page reaches the row as the system actor of the tenant named in
-- the token, and the portal roles have no grant on this table at all.

-- Invitations name their contact by (tenant_id, id), as every cross-table reference does.
ALTER TABLE contact ADD CONSTRAINT contact_tenant_id_uk UNIQUE (tenant_id, id);

CREATE TABLE portal_invitation (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    contact_id          uuid        NOT NULL,
    -- The account the portal user will act for (app_user.party_id).
    party_id            uuid        NOT NULL,
    actor_type          text        NOT NULL CHECK (actor_type IN ('client', 'supplier', 'professional')),
    email               text        NOT NULL CHECK (btrim(email) <> '' AND length(email) <= 320),
    token_hash          bytea       NOT NULL CHECK (length(token_hash) = 32),
    expires_at          timestamptz NOT NULL,
    invited_by          uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    replaced_at         timestamptz,
    accepted_at         timestamptz,
    user_id             uuid,
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT portal_invitation_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT portal_invitation_token_uk UNIQUE (tenant_id, token_hash),
    CONSTRAINT portal_invitation_contact_fk FOREIGN KEY (tenant_id, contact_id)
        REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT portal_invitation_party_fk FOREIGN KEY (tenant_id, party_id) REFERENCES account (tenant_id, id),
    CONSTRAINT portal_invitation_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (user_id),
    CONSTRAINT portal_invitation_once CHECK (replaced_at IS NULL OR accepted_at IS NULL),
    CONSTRAINT portal_invitation_accepted_user CHECK (accepted_at IS NULL OR user_id IS NOT NULL)
);

-- The contacts list asks for the latest invitation of a page of contacts.
CREATE INDEX portal_invitation_contact_idx ON portal_invitation (tenant_id, contact_id, created_at DESC);

ALTER TABLE portal_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_invitation FORCE ROW LEVEL SECURITY;

CREATE POLICY portal_invitation_staff ON portal_invitation FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE ON portal_invitation TO ${staff_role};

-- The portal frame shows the tenant's name and logo: a portal actor reads those columns of its own
-- tenant's company profile (not its tax id, bank account or address). Bound to a party, so a context
-- without one (a forged or half-bound portal context) reads nothing.
CREATE POLICY tenant_company_portal_brand ON tenant_company FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND nexo_party_id() IS NOT NULL);

GRANT SELECT (tenant_id, legal_name, trade_name, logo, logo_content_type)
    ON tenant_company TO ${client_role}, ${supplier_role}, ${professional_role};

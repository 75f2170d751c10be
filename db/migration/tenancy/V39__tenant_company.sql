-- The tenant's company profile: the legal details its documents print (name, tax id, address,
-- contact, bank account, logo, registry footer). One row per tenant at most, keyed by the tenant;
-- without a row, documents print the tenant's name only (tenancy.CompanyProfiles).
CREATE TABLE tenant_company (
    tenant_id         uuid        PRIMARY KEY DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    -- The change history names a record by an "id" column: the tenant's, since the row is its.
    id                uuid        GENERATED ALWAYS AS (tenant_id) STORED,
    legal_name        text        NOT NULL CHECK (length(btrim(legal_name)) BETWEEN 1 AND 200),
    trade_name        text        CHECK (length(trade_name) <= 200),
    tax_id            text        CHECK (tax_id ~ '^[A-Z0-9]{2,20}$'),
    street            text        CHECK (length(street) <= 200),
    postal_code       text        CHECK (length(postal_code) <= 20),
    city              text        CHECK (length(city) <= 100),
    region            text        CHECK (length(region) <= 100),
    country           text        NOT NULL DEFAULT 'ES' CHECK (country ~ '^[A-Z]{2}$'),
    email             text        CHECK (length(email) <= 254),
    phone             text        CHECK (length(phone) <= 30),
    website           text        CHECK (length(website) <= 200),
    iban              text        CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
    logo              bytea       CHECK (octet_length(logo) <= 524288),
    logo_content_type text        CHECK (logo_content_type IN ('image/png', 'image/jpeg')),
    footer            text        CHECK (length(footer) <= 1000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT tenant_company_logo_has_type CHECK ((logo IS NULL) = (logo_content_type IS NULL))
);

ALTER TABLE tenant_company ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_company FORCE ROW LEVEL SECURITY;

-- Employees and system work (printing, sending documents) read it; who may change it is the
-- application's permission check. Portal actors and the operator: nothing (their documents are
-- printed for them by staff or system work).
CREATE POLICY tenant_company_staff ON tenant_company FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE ON tenant_company TO ${staff_role};

SELECT nexo_track_history('tenant_company', 'id', ARRAY['logo']);

-- Sales (issue 13): price lists and clients' sales terms.
--
-- A price list prices articles for a period (valid_from .. valid_to, both days included, no end when
-- valid_to is null), in one currency, with quantity breaks: an item applies from its min_quantity up.
-- A list applies to one client (named by the client's terms), to the clients of a group, or to
-- everybody (the tenant's default list, at most one). Clients' terms say how they are taxed (regime,
-- exemption note, IRPF withholding), which list and group they belong to, their usual document
-- discount and salesperson. Staff only: portal actors are granted none of these tables.
-- References are composite (tenant_id, id), so no row can point into another tenant.

CREATE TABLE sales_price_list (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    currency     text        NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    valid_from   date        NOT NULL,
    valid_to     date,
    is_default   boolean     NOT NULL DEFAULT false,
    -- The list applies to the clients whose terms name this group.
    client_group text        CHECK (client_group ~ '^[A-Z0-9][A-Z0-9_-]{0,19}$'),
    archived     boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT sales_price_list_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT sales_price_list_name_uk UNIQUE (tenant_id, name),
    CONSTRAINT sales_price_list_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
    -- An archived list applies to nobody, so it cannot be the default either.
    CONSTRAINT sales_price_list_archived_not_default CHECK (NOT (archived AND is_default))
);
-- At most one default list per tenant.
CREATE UNIQUE INDEX sales_price_list_default_uk ON sales_price_list (tenant_id) WHERE is_default;
-- The keyset orders of the list screen, and the lists of a group.
CREATE INDEX sales_price_list_valid_from_idx ON sales_price_list (tenant_id, valid_from, id);
CREATE INDEX sales_price_list_group_idx ON sales_price_list (tenant_id, client_group) WHERE client_group IS NOT NULL;

CREATE TABLE sales_price_list_item (
    id               uuid PRIMARY KEY,
    tenant_id        uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    price_list_id    uuid           NOT NULL,
    article_id       uuid           NOT NULL,
    -- A quantity break: the item prices quantities from this one up (0: any quantity).
    min_quantity     numeric(18, 6) NOT NULL DEFAULT 0 CHECK (min_quantity >= 0),
    unit_price       numeric(14, 4) NOT NULL CHECK (unit_price >= 0),
    discount_percent numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    created_at       timestamptz    NOT NULL DEFAULT now(),
    updated_at       timestamptz    NOT NULL DEFAULT now(),
    version          bigint         NOT NULL DEFAULT 0,
    CONSTRAINT sales_price_list_item_break_uk UNIQUE (tenant_id, price_list_id, article_id, min_quantity),
    CONSTRAINT sales_price_list_item_list_fk FOREIGN KEY (tenant_id, price_list_id)
        REFERENCES sales_price_list (tenant_id, id) ON DELETE CASCADE,
    -- Only an article that never moved stock can be deleted; its prices go with it.
    CONSTRAINT sales_price_list_item_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES article (tenant_id, id) ON DELETE CASCADE
);
-- Pricing an article: its items in every list (the unique key serves a list's page of items).
CREATE INDEX sales_price_list_item_article_idx ON sales_price_list_item (tenant_id, article_id, price_list_id);

CREATE TABLE sales_client_terms (
    -- The row's own id, for its change history; the key is the account.
    id                        uuid          NOT NULL UNIQUE,
    tenant_id                 uuid          NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    account_id                uuid          NOT NULL,
    tax_regime                text          NOT NULL DEFAULT 'DOMESTIC'
        CHECK (tax_regime IN ('DOMESTIC', 'EQUIVALENCE_SURCHARGE', 'EXEMPT', 'INTRA_EU', 'EXPORT')),
    -- For an exempt client: the legal ground printed on its invoices (a default text when null).
    exemption_note            text          CHECK (length(exemption_note) BETWEEN 1 AND 500),
    -- IRPF withheld on invoices to this client, in percent (null: none).
    withholding_percent       numeric(5, 2) CHECK (withholding_percent > 0 AND withholding_percent < 100),
    price_list_id             uuid,
    client_group              text          CHECK (client_group ~ '^[A-Z0-9][A-Z0-9_-]{0,19}$'),
    document_discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (document_discount_percent BETWEEN 0 AND 100),
    salesperson_id            uuid,
    created_at                timestamptz   NOT NULL DEFAULT now(),
    updated_at                timestamptz   NOT NULL DEFAULT now(),
    version                   bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, account_id),
    -- The terms are the account's settings: a deleted account takes them along.
    CONSTRAINT sales_client_terms_account_fk FOREIGN KEY (tenant_id, account_id)
        REFERENCES account (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT sales_client_terms_price_list_fk FOREIGN KEY (tenant_id, price_list_id)
        REFERENCES sales_price_list (tenant_id, id) ON DELETE SET NULL (price_list_id),
    CONSTRAINT sales_client_terms_salesperson_fk FOREIGN KEY (tenant_id, salesperson_id)
        REFERENCES app_user (tenant_id, id) ON DELETE SET NULL (salesperson_id)
);
CREATE INDEX sales_client_terms_price_list_idx ON sales_client_terms (tenant_id, price_list_id)
    WHERE price_list_id IS NOT NULL;

ALTER TABLE sales_price_list ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_price_list FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_price_list_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_price_list_item FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_client_terms ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_client_terms FORCE ROW LEVEL SECURITY;

CREATE POLICY sales_price_list_staff ON sales_price_list FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY sales_price_list_item_staff ON sales_price_list_item FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY sales_client_terms_staff ON sales_client_terms FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON sales_price_list, sales_price_list_item, sales_client_terms TO ${staff_role};

SELECT nexo_track_history('sales_price_list', 'id');
SELECT nexo_track_history('sales_price_list_item', 'price_list_id');
SELECT nexo_track_history('sales_client_terms', 'account_id');

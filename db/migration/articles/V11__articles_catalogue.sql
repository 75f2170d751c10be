-- Articles (issue 5), part 1: units of measure, the category tree and the catalogue.
-- Every table belongs to a tenant: tenant_id defaults to the transaction's tenant, row-level
-- security is enabled and forced, and only employees and system work reach the rows (portal
-- actors will see a published catalogue through views of their own, later).
-- References between tenant tables are composite (tenant_id, id): foreign-key checks bypass
-- row-level security, so a plain reference would let one tenant point at another tenant's row
-- whose id it learnt; with the tenant in the key such a reference cannot exist.

-- Units of measure. Units of one kind convert into each other through their factor to the kind's
-- base unit (kg for mass, m for length, l for volume, m2 for area, h for time, unit for count):
-- quantity_in_b = quantity_in_a * a.factor / b.factor.
CREATE TABLE unit_of_measure (
    id         uuid PRIMARY KEY,
    tenant_id  uuid          NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    code       text          NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,15}$'),
    name_es    text          NOT NULL,
    name_en    text          NOT NULL,
    kind       text          NOT NULL CHECK (kind IN ('count', 'mass', 'length', 'volume', 'area', 'time')),
    factor     numeric(24, 12) NOT NULL CHECK (factor > 0),
    decimals   integer       NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
    created_at timestamptz   NOT NULL DEFAULT now(),
    updated_at timestamptz   NOT NULL DEFAULT now(),
    version    bigint        NOT NULL DEFAULT 0,
    CONSTRAINT unit_of_measure_code_uk UNIQUE (tenant_id, code),
    CONSTRAINT unit_of_measure_tenant_uk UNIQUE (tenant_id, id)
);

-- The category tree as a materialised path of ids: '/<root id>/<child id>/.../<own id>/'.
-- "The whole subtree of c" is path LIKE c.path || '%' (a B-tree range scan with text_pattern_ops);
-- moving a branch rewrites the prefix of every descendant in one UPDATE; a category can never be
-- moved under its own subtree because the new parent's path would start with its own.
CREATE TABLE article_category (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    parent_id  uuid,
    code       text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name_es    text        NOT NULL,
    name_en    text        NOT NULL,
    path       text        NOT NULL COLLATE "C",
    depth      integer     NOT NULL CHECK (depth >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT article_category_code_uk UNIQUE (tenant_id, code),
    CONSTRAINT article_category_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT article_category_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES article_category (tenant_id, id),
    CONSTRAINT article_category_not_own_parent CHECK (parent_id IS DISTINCT FROM id),
    -- The path ends with the category's own id, and its depth is the number of ancestors.
    CONSTRAINT article_category_path_shape CHECK (
        path LIKE '%/' || id::text || '/'
        AND depth = length(path) - length(replace(path, '/', '')) - 2)
);
CREATE INDEX article_category_path_idx ON article_category (tenant_id, path text_pattern_ops);
CREATE INDEX article_category_parent_idx ON article_category (tenant_id, parent_id);

CREATE TABLE article (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    code                text           NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
    kind                text           NOT NULL CHECK (kind IN ('goods', 'service', 'input')),
    name_es             text           NOT NULL CHECK (length(name_es) BETWEEN 1 AND 200),
    name_en             text           NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    description_es      text,
    description_en      text,
    category_id         uuid,
    unit_id             uuid           NOT NULL,
    barcode             text           CHECK (barcode ~ '^[0-9]{13}$'),
    sale_price          numeric(14, 4) NOT NULL DEFAULT 0 CHECK (sale_price >= 0),
    cost                numeric(14, 4) NOT NULL DEFAULT 0 CHECK (cost >= 0),
    tax_rate            numeric(5, 2)  NOT NULL DEFAULT 21 CHECK (tax_rate BETWEEN 0 AND 100),
    -- An account with the supplier role; the foreign key comes with the accounts module.
    default_supplier_id uuid,
    stock_tracked       boolean        NOT NULL DEFAULT true,
    status              text           NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT article_code_uk UNIQUE (tenant_id, code),
    CONSTRAINT article_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT article_category_fk FOREIGN KEY (tenant_id, category_id) REFERENCES article_category (tenant_id, id),
    CONSTRAINT article_unit_fk FOREIGN KEY (tenant_id, unit_id) REFERENCES unit_of_measure (tenant_id, id),
    -- A service has no stock.
    CONSTRAINT article_service_not_stocked CHECK (kind <> 'service' OR NOT stock_tracked)
);
CREATE UNIQUE INDEX article_barcode_uk ON article (tenant_id, barcode) WHERE barcode IS NOT NULL;
-- A category's page of articles, in code order; and the articles of one supplier.
CREATE INDEX article_category_idx ON article (tenant_id, category_id, code);
CREATE INDEX article_supplier_idx ON article (tenant_id, default_supplier_id) WHERE default_supplier_id IS NOT NULL;

-- The picture of an article, apart from the row so that lists never read it.
CREATE TABLE article_image (
    article_id   uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    content_type text        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    content      bytea       NOT NULL CHECK (octet_length(content) <= 1048576),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT article_image_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id)
        ON DELETE CASCADE
);

ALTER TABLE unit_of_measure ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_of_measure FORCE ROW LEVEL SECURITY;
ALTER TABLE article_category ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_category FORCE ROW LEVEL SECURITY;
ALTER TABLE article ENABLE ROW LEVEL SECURITY;
ALTER TABLE article FORCE ROW LEVEL SECURITY;
ALTER TABLE article_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_image FORCE ROW LEVEL SECURITY;

CREATE POLICY unit_of_measure_staff ON unit_of_measure FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY article_category_staff ON article_category FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY article_staff ON article FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY article_image_staff ON article_image FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));

GRANT SELECT, INSERT, UPDATE, DELETE ON unit_of_measure, article_category, article, article_image TO ${app_role};

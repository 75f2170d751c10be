-- Articles (issue 5), part 2: warehouses and locations, the stock ledger with its balances,
-- reservations, stock counts and replenishment levels.

CREATE TABLE warehouse (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    code           text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$'),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    address        text,
    allow_negative boolean     NOT NULL DEFAULT false,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT warehouse_code_uk UNIQUE (tenant_id, code),
    CONSTRAINT warehouse_tenant_uk UNIQUE (tenant_id, id)
);

-- Places inside a warehouse (aisle, shelf, bin). Movements may name one; balances are per warehouse.
CREATE TABLE warehouse_location (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    warehouse_id uuid        NOT NULL,
    code         text        NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,23}$'),
    name         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT warehouse_location_code_uk UNIQUE (tenant_id, warehouse_id, code),
    CONSTRAINT warehouse_location_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT warehouse_location_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id)
);

-- The ledger: one immutable row per change of stock. quantity is signed and in the article's unit
-- (receipts and incoming transfers positive, issues and outgoing transfers negative, adjustments
-- either); what the user typed is kept beside it (entered_quantity in entered_unit_id).
-- A transfer is two rows with the same transfer_id, written in one transaction.
CREATE TABLE stock_movement (
    id               uuid PRIMARY KEY,
    tenant_id        uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    movement_type    text           NOT NULL
                     CHECK (movement_type IN ('receipt', 'issue', 'transfer-out', 'transfer-in', 'adjustment')),
    article_id       uuid           NOT NULL,
    warehouse_id     uuid           NOT NULL,
    location_id      uuid           ,
    quantity         numeric(18, 6) NOT NULL CHECK (quantity <> 0),
    entered_quantity numeric(18, 6) NOT NULL,
    entered_unit_id  uuid           NOT NULL,
    moved_at         timestamptz    NOT NULL DEFAULT now(),
    reason           text,
    source_type      text,
    source_ref       text,
    transfer_id      uuid,
    user_id          uuid                    DEFAULT nexo_user_id(),
    recorded_at      timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT stock_movement_sign CHECK (
        (movement_type IN ('receipt', 'transfer-in') AND quantity > 0)
        OR (movement_type IN ('issue', 'transfer-out') AND quantity < 0)
        OR movement_type = 'adjustment'),
    CONSTRAINT stock_movement_transfer CHECK ((movement_type LIKE 'transfer-%') = (transfer_id IS NOT NULL)),
    CONSTRAINT stock_movement_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT stock_movement_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT stock_movement_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id),
    CONSTRAINT stock_movement_location_fk FOREIGN KEY (tenant_id, location_id) REFERENCES warehouse_location (tenant_id, id),
    CONSTRAINT stock_movement_unit_fk FOREIGN KEY (tenant_id, entered_unit_id) REFERENCES unit_of_measure (tenant_id, id)
);
-- The history of one article (in one warehouse), newest first.
CREATE INDEX stock_movement_article_idx ON stock_movement (tenant_id, article_id, warehouse_id, moved_at DESC, id DESC);
CREATE INDEX stock_movement_warehouse_idx ON stock_movement (tenant_id, warehouse_id, moved_at DESC);
CREATE INDEX stock_movement_source_idx ON stock_movement (tenant_id, source_type, source_ref) WHERE source_ref IS NOT NULL;

-- On hand and reserved per article and warehouse. on_hand is the sum of the ledger, maintained by
-- the trigger below in the same transaction as each movement; reserved is the sum of the open
-- reservations, maintained by the reservation service.
CREATE TABLE stock_balance (
    tenant_id    uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    article_id   uuid           NOT NULL,
    warehouse_id uuid           NOT NULL,
    on_hand      numeric(18, 6) NOT NULL DEFAULT 0,
    reserved     numeric(18, 6) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, article_id, warehouse_id),
    CONSTRAINT stock_balance_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT stock_balance_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id)
);
CREATE INDEX stock_balance_warehouse_idx ON stock_balance (tenant_id, warehouse_id, article_id);

-- Applies each new movement to its balance. The upsert takes the balance row's lock, so concurrent
-- movements of one article in one warehouse queue up here; the second of two issues of the last
-- unit sees the first one's result and fails with SQLSTATE NX001 unless the warehouse allows
-- negative stock. Runs as the caller: row-level security applies to the balance as to the movement.
CREATE FUNCTION nexo_stock_movement_apply() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $$
DECLARE
    new_on_hand numeric;
BEGIN
    INSERT INTO stock_balance AS b (tenant_id, article_id, warehouse_id, on_hand)
    VALUES (NEW.tenant_id, NEW.article_id, NEW.warehouse_id, NEW.quantity)
    ON CONFLICT (tenant_id, article_id, warehouse_id)
        DO UPDATE SET on_hand = b.on_hand + EXCLUDED.on_hand, updated_at = now()
    RETURNING b.on_hand INTO new_on_hand;
    IF new_on_hand < 0 AND NEW.quantity < 0
       AND NOT (SELECT w.allow_negative FROM warehouse w WHERE w.id = NEW.warehouse_id) THEN
        RAISE EXCEPTION 'insufficient stock of article % in warehouse %', NEW.article_id, NEW.warehouse_id
            USING ERRCODE = 'NX001';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER stock_movement_apply AFTER INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION nexo_stock_movement_apply();

-- Stock promised to a sales or production order (source_type + source_ref) and not yet issued.
CREATE TABLE stock_reservation (
    id           uuid PRIMARY KEY,
    tenant_id    uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    article_id   uuid           NOT NULL,
    warehouse_id uuid           NOT NULL,
    quantity     numeric(18, 6) NOT NULL CHECK (quantity > 0),
    source_type  text           NOT NULL,
    source_ref   text           NOT NULL,
    status       text           NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'released', 'consumed')),
    movement_id  uuid           ,
    user_id      uuid                    DEFAULT nexo_user_id(),
    created_at   timestamptz    NOT NULL DEFAULT now(),
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    closed_at    timestamptz,
    version      bigint         NOT NULL DEFAULT 0,
    CONSTRAINT stock_reservation_closed CHECK ((status = 'open') = (closed_at IS NULL)),
    CONSTRAINT stock_reservation_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT stock_reservation_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id),
    CONSTRAINT stock_reservation_movement_fk FOREIGN KEY (tenant_id, movement_id) REFERENCES stock_movement (tenant_id, id)
);
CREATE INDEX stock_reservation_open_idx ON stock_reservation (tenant_id, article_id, warehouse_id) WHERE status = 'open';
CREATE INDEX stock_reservation_source_idx ON stock_reservation (tenant_id, source_type, source_ref);

-- A physical count of a warehouse (or of one category's subtree in it). expected is on hand when
-- the count started; posting writes counted - expected as adjustments, so movements made while
-- counting are kept.
CREATE TABLE stock_count (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    warehouse_id uuid        NOT NULL,
    category_id  uuid        ,
    status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'cancelled')),
    started_by   uuid                 DEFAULT nexo_user_id(),
    posted_by    uuid,
    posted_at    timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT stock_count_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT stock_count_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id),
    CONSTRAINT stock_count_category_fk FOREIGN KEY (tenant_id, category_id) REFERENCES article_category (tenant_id, id)
);
CREATE INDEX stock_count_warehouse_idx ON stock_count (tenant_id, warehouse_id, created_at DESC);

CREATE TABLE stock_count_line (
    id         uuid PRIMARY KEY,
    tenant_id  uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    count_id   uuid           NOT NULL,
    article_id uuid           NOT NULL,
    expected   numeric(18, 6) NOT NULL,
    counted    numeric(18, 6) CHECK (counted >= 0),
    counted_by uuid,
    counted_at timestamptz,
    CONSTRAINT stock_count_line_uk UNIQUE (tenant_id, count_id, article_id),
    CONSTRAINT stock_count_line_count_fk FOREIGN KEY (tenant_id, count_id) REFERENCES stock_count (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT stock_count_line_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id)
);

-- Minimum and maximum stock of an article in a warehouse (replenishment).
CREATE TABLE stock_level (
    tenant_id    uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    article_id   uuid           NOT NULL,
    warehouse_id uuid           NOT NULL,
    min_quantity numeric(18, 6) NOT NULL CHECK (min_quantity >= 0),
    max_quantity numeric(18, 6) NOT NULL,
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, article_id, warehouse_id),
    CONSTRAINT stock_level_range CHECK (max_quantity >= min_quantity),
    CONSTRAINT stock_level_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT stock_level_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id)
);
CREATE INDEX stock_level_warehouse_idx ON stock_level (tenant_id, warehouse_id);

ALTER TABLE warehouse ENABLE ROW LEVEL SECURITY;
ALTER TABLE warehouse FORCE ROW LEVEL SECURITY;
ALTER TABLE warehouse_location ENABLE ROW LEVEL SECURITY;
ALTER TABLE warehouse_location FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_movement FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_balance ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_balance FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_reservation ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_reservation FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_count FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_count_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_count_line FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_level ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_level FORCE ROW LEVEL SECURITY;

CREATE POLICY warehouse_staff ON warehouse FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY warehouse_location_staff ON warehouse_location FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
-- A movement is recorded under the user bound to the transaction, never in someone else's name.
CREATE POLICY stock_movement_staff ON stock_movement FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system')
                AND user_id IS NOT DISTINCT FROM nexo_user_id());
CREATE POLICY stock_balance_staff ON stock_balance FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY stock_reservation_staff ON stock_reservation FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY stock_count_staff ON stock_count FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY stock_count_line_staff ON stock_count_line FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
CREATE POLICY stock_level_staff ON stock_level FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));

GRANT SELECT, INSERT, UPDATE, DELETE ON warehouse, warehouse_location, stock_count, stock_count_line, stock_level
    TO ${app_role};
-- The ledger is append-only for the application; balances are never deleted.
GRANT SELECT, INSERT ON stock_movement TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON stock_balance, stock_reservation TO ${app_role};

-- Issue 14 (purchasing), incoming stock: what is on order from suppliers and not yet received, per
-- article and warehouse. Purchasing computes it from its orders and hands the absolute values to the
-- articles module's API (com.nexo.articles.stock.IncomingStock), which alone writes this column.
--
-- It lives on the balance row, beside on hand and reserved, and not on stock_level: below_minimum is
-- a generated column of the balance row (V15) and can only read that row's own columns, and the
-- partial indexes of the below-minimum list must keep leaving out what is already on order. A balance
-- row may therefore exist with incoming only (no movement, no level yet): its on hand and reserved
-- are their defaults, zero, and its minimum is null, so it is never below it.
ALTER TABLE stock_balance
    ADD COLUMN incoming numeric(18, 6) NOT NULL DEFAULT 0 CONSTRAINT stock_balance_incoming CHECK (incoming >= 0);

-- Replenishment must not propose what is already on order: an article is below its minimum when
-- on hand - reserved + incoming < minimum. PostgreSQL 15 cannot change a generated column's
-- expression, so the column is made again; its two partial indexes (V15) go with it and come back
-- the same, in the list's two orders.
ALTER TABLE stock_balance DROP COLUMN below_minimum;
ALTER TABLE stock_balance
    ADD COLUMN below_minimum boolean NOT NULL GENERATED ALWAYS AS (
        coalesce(article_active AND on_hand - reserved + incoming < min_quantity, false)) STORED;
CREATE INDEX stock_balance_below_minimum_idx
    ON stock_balance (tenant_id, article_code, warehouse_id) WHERE below_minimum;
CREATE INDEX stock_balance_below_minimum_warehouse_idx
    ON stock_balance (tenant_id, warehouse_id, article_code) WHERE below_minimum;

-- The staff role writes incoming as it writes reserved (V27): a new balance row by its keys and the
-- incoming quantity, an existing one's incoming. Everything else of a balance stays the triggers'.
GRANT INSERT (incoming) ON stock_balance TO ${staff_role};
GRANT UPDATE (incoming) ON stock_balance TO ${staff_role};

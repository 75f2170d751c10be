-- Article valuation by weighted average cost (issue 14, item 3 "Costs"). A receipt at a known cost
-- per article unit records that cost on its movement and recomputes the article's cost in the same
-- transaction (com.nexo.articles.stock.StockValuation); every change of an article's cost, by a
-- receipt or typed in the article form, leaves one row in article_cost_change.

-- The cost per article unit of a receipt, when its document knew it (a purchase receipt); null for
-- every other movement and for receipts without a cost. Added NOT VALID: every existing row is null,
-- so there is nothing to check, and the ledger is not scanned; new rows are checked.
ALTER TABLE stock_movement ADD COLUMN unit_cost numeric(14, 4);
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_unit_cost
    CHECK (unit_cost IS NULL OR (unit_cost >= 0 AND movement_type = 'receipt')) NOT VALID;

-- One row per change of an article's cost, immutable. A receipt's row names its movement, the
-- quantity received (in the article's unit) and its unit cost; a manual change has none of the three.
-- stock_before is the article's on hand over all warehouses just before the change.
CREATE TABLE article_cost_change (
    id            uuid PRIMARY KEY,
    tenant_id     uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    article_id    uuid           NOT NULL,
    changed_at    timestamptz    NOT NULL DEFAULT now(),
    previous_cost numeric(14, 4) NOT NULL CHECK (previous_cost >= 0),
    new_cost      numeric(14, 4) NOT NULL CHECK (new_cost >= 0),
    quantity      numeric(18, 6) CHECK (quantity > 0),
    unit_cost     numeric(14, 4) CHECK (unit_cost >= 0),
    stock_before  numeric(18, 6) NOT NULL,
    source_type   text           NOT NULL CHECK (length(source_type) BETWEEN 1 AND 40),
    source_ref    text           CHECK (length(source_ref) <= 120),
    movement_id   uuid,
    changed_by    uuid                    DEFAULT nexo_user_id(),
    CONSTRAINT article_cost_change_receipt CHECK (
        (movement_id IS NULL AND quantity IS NULL AND unit_cost IS NULL)
        OR (movement_id IS NOT NULL AND quantity IS NOT NULL AND unit_cost IS NOT NULL)),
    CONSTRAINT article_cost_change_tenant_uk UNIQUE (tenant_id, id),
    -- Only an article that never moved stock can be deleted; its manual changes go with it.
    CONSTRAINT article_cost_change_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT article_cost_change_movement_fk FOREIGN KEY (tenant_id, movement_id)
        REFERENCES stock_movement (tenant_id, id)
);
-- The history of one article, newest first (the article page reads its top).
CREATE INDEX article_cost_change_article_idx ON article_cost_change (tenant_id, article_id, changed_at DESC, id DESC);
CREATE INDEX article_cost_change_movement_idx ON article_cost_change (tenant_id, movement_id)
    WHERE movement_id IS NOT NULL;

ALTER TABLE article_cost_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_cost_change FORCE ROW LEVEL SECURITY;

-- Staff only, like the rest of the catalogue and the ledger (V23); portal roles have no grant. A
-- change is recorded under the user bound to the transaction, never in someone else's name.
CREATE POLICY article_cost_change_staff ON article_cost_change FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND changed_by IS NOT DISTINCT FROM nexo_user_id());

-- Append-only for the application, like the ledger.
GRANT SELECT, INSERT ON article_cost_change TO ${staff_role};

-- Articles (issue 5), replenishment: the below-minimum list reads a small partial index instead of
-- joining every level to its balance and sorting.
--
-- stock_level stays where levels are set (one row per article and warehouse); its minimum and
-- maximum are copied onto the balance row of the same article and warehouse, together with the
-- article's code and whether it is active. below_minimum is then a column of the balance row itself,
-- recomputed by PostgreSQL whenever a movement changes on hand (trigger of V12), a reservation
-- changes reserved, a level changes or the article is renamed or archived. The partial indexes
-- below hold only the rows below their minimum, in the order the list shows them (article code,
-- then warehouse), so a page of 50 reads about 50 index entries however many levels there are.
--
-- below_minimum is a plain boolean column on purpose: under row-level security a query condition
-- reaches an index only if its operator is leakproof, and numeric comparisons are not; a bare boolean
-- column has no operator, so "WHERE below_minimum" proves the partial index's predicate and the
-- policy's tenant condition leads the index.

ALTER TABLE stock_balance
    ADD COLUMN min_quantity   numeric(18, 6),
    ADD COLUMN max_quantity   numeric(18, 6),
    ADD COLUMN article_code   text,
    ADD COLUMN article_active boolean NOT NULL DEFAULT true,
    ADD COLUMN below_minimum  boolean NOT NULL GENERATED ALWAYS AS (
        coalesce(article_active AND on_hand - reserved < min_quantity, false)) STORED,
    ADD CONSTRAINT stock_balance_level CHECK (
        (min_quantity IS NULL) = (max_quantity IS NULL)
        AND (min_quantity IS NULL OR article_code IS NOT NULL));

-- A level now gives its article a balance row even before any movement. An article that never
-- moved stock may still be deleted: its balance rows can only be empty then, and go with it.
ALTER TABLE stock_balance
    DROP CONSTRAINT stock_balance_article_fk,
    ADD CONSTRAINT stock_balance_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id)
        ON DELETE CASCADE;

-- Levels set before this migration.
INSERT INTO stock_balance (tenant_id, article_id, warehouse_id)
SELECT l.tenant_id, l.article_id, l.warehouse_id FROM stock_level l
ON CONFLICT (tenant_id, article_id, warehouse_id) DO NOTHING;
UPDATE stock_balance b
   SET min_quantity = l.min_quantity, max_quantity = l.max_quantity,
       article_code = a.code, article_active = (a.status = 'active')
  FROM stock_level l, article a
 WHERE l.tenant_id = b.tenant_id AND l.article_id = b.article_id AND l.warehouse_id = b.warehouse_id
   AND a.tenant_id = b.tenant_id AND a.id = b.article_id;

-- Every warehouse, and one warehouse: both in the list's order, keyset-pageable.
CREATE INDEX stock_balance_below_minimum_idx
    ON stock_balance (tenant_id, article_code, warehouse_id) WHERE below_minimum;
CREATE INDEX stock_balance_below_minimum_warehouse_idx
    ON stock_balance (tenant_id, warehouse_id, article_code) WHERE below_minimum;

-- Copies levels onto balances, set-based (the volume generator sets thousands in one statement).
-- A level without stock yet gets a balance row with nothing on hand, which is below any positive
-- minimum. Runs as the caller: the balance rows are written through row-level security.
CREATE FUNCTION nexo_stock_level_apply() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $$
BEGIN
    -- Every statement here pairs each transition row with one row found by its key (balance by
    -- primary key, article by id): the work grows with the rows changed. The statements run through
    -- EXECUTE so that each is planned for the rows at hand: PL/pgSQL would otherwise keep the plan
    -- made at a connection's first use, and a plan made while the article table was small (a seq
    -- scan per level) ran for over ten minutes once the volume generator had added 200,000 articles
    -- in the same transaction. A changed level first leaves
    -- its balance row and then comes back with its new values (a level moved to another article
    -- or warehouse thus leaves the old row).
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE $sql$
        UPDATE stock_balance b SET min_quantity = NULL, max_quantity = NULL, updated_at = now()
          FROM nexo_level_old o
         WHERE b.tenant_id = o.tenant_id AND b.article_id = o.article_id AND b.warehouse_id = o.warehouse_id
        $sql$;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE $sql$
        INSERT INTO stock_balance AS b (tenant_id, article_id, warehouse_id, min_quantity, max_quantity,
                                        article_code, article_active)
        SELECT n.tenant_id, n.article_id, n.warehouse_id, n.min_quantity, n.max_quantity,
               (SELECT a.code FROM article a WHERE a.id = n.article_id),
               coalesce((SELECT a.status = 'active' FROM article a WHERE a.id = n.article_id), false)
          FROM nexo_level_new n
        ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
            SET min_quantity = EXCLUDED.min_quantity, max_quantity = EXCLUDED.max_quantity,
                article_code = EXCLUDED.article_code, article_active = EXCLUDED.article_active, updated_at = now()
        $sql$;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER stock_level_apply_insert AFTER INSERT ON stock_level
    REFERENCING NEW TABLE AS nexo_level_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_stock_level_apply();
CREATE TRIGGER stock_level_apply_update AFTER UPDATE ON stock_level
    REFERENCING OLD TABLE AS nexo_level_old NEW TABLE AS nexo_level_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_stock_level_apply();
CREATE TRIGGER stock_level_apply_delete AFTER DELETE ON stock_level
    REFERENCING OLD TABLE AS nexo_level_old
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_stock_level_apply();

-- A renamed or archived (or restored) article moves in, out of or within the list.
CREATE FUNCTION nexo_stock_balance_article() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public
AS $$
BEGIN
    UPDATE stock_balance b SET article_code = NEW.code, article_active = (NEW.status = 'active')
     WHERE b.tenant_id = NEW.tenant_id AND b.article_id = NEW.id AND b.min_quantity IS NOT NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER article_stock_balance AFTER UPDATE OF code, status ON article
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION nexo_stock_balance_article();

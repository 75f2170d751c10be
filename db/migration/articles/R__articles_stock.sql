-- The stock ledger's triggers: balances maintained from movements, levels copied onto balances,
-- articles' code and state kept on their balance rows (current definitions; first created by V12
-- and V15). Repeatable: Flyway runs this file again whenever it changes, after the versioned
-- migrations. stock_balance is derived data: no application role may write what these keep (V27),
-- so they run as the owner (SECURITY DEFINER, fixed search path, every name qualified), outside
-- row-level security. Each statement stays within the tenant of the movement, level or article that
-- fired it, which row-level security checked when that row was written.

-- Applies each new movement to its balance. The upsert takes the balance row's lock, so concurrent
-- movements of one article in one warehouse queue up here; the second of two issues of the last
-- unit sees the first one's result and fails with SQLSTATE NX001 unless the warehouse allows
-- negative stock.
CREATE OR REPLACE FUNCTION nexo_stock_movement_apply() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    new_on_hand numeric;
BEGIN
    INSERT INTO public.stock_balance AS b (tenant_id, article_id, warehouse_id, on_hand)
    VALUES (NEW.tenant_id, NEW.article_id, NEW.warehouse_id, NEW.quantity)
    ON CONFLICT (tenant_id, article_id, warehouse_id)
        DO UPDATE SET on_hand = b.on_hand + EXCLUDED.on_hand, updated_at = now()
    RETURNING b.on_hand INTO new_on_hand;
    IF new_on_hand < 0 AND NEW.quantity < 0
       AND NOT (SELECT w.allow_negative FROM public.warehouse w
                   WHERE w.tenant_id = NEW.tenant_id AND w.id = NEW.warehouse_id) THEN
        RAISE EXCEPTION 'insufficient stock of article % in warehouse %', NEW.article_id, NEW.warehouse_id
            USING ERRCODE = 'NX001';
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER stock_movement_apply AFTER INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION nexo_stock_movement_apply();

-- Copies levels onto balances, set-based (the volume generator sets thousands in one statement).
-- A level without stock yet gets a balance row with nothing on hand, which is below any positive
-- minimum.
CREATE OR REPLACE FUNCTION nexo_stock_level_apply() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
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
        UPDATE public.stock_balance b SET min_quantity = NULL, max_quantity = NULL, updated_at = now()
          FROM nexo_level_old o
         WHERE b.tenant_id = o.tenant_id AND b.article_id = o.article_id AND b.warehouse_id = o.warehouse_id
        $sql$;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE $sql$
        INSERT INTO public.stock_balance AS b (tenant_id, article_id, warehouse_id, min_quantity, max_quantity,
                                        article_code, article_active)
        SELECT n.tenant_id, n.article_id, n.warehouse_id, n.min_quantity, n.max_quantity,
               (SELECT a.code FROM public.article a WHERE a.tenant_id = n.tenant_id AND a.id = n.article_id),
               coalesce((SELECT a.status = 'active' FROM public.article a
                          WHERE a.tenant_id = n.tenant_id AND a.id = n.article_id), false)
          FROM nexo_level_new n
        ON CONFLICT (tenant_id, article_id, warehouse_id) DO UPDATE
            SET min_quantity = EXCLUDED.min_quantity, max_quantity = EXCLUDED.max_quantity,
                article_code = EXCLUDED.article_code, article_active = EXCLUDED.article_active, updated_at = now()
        $sql$;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER stock_level_apply_insert AFTER INSERT ON stock_level
    REFERENCING NEW TABLE AS nexo_level_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_stock_level_apply();
CREATE OR REPLACE TRIGGER stock_level_apply_update AFTER UPDATE ON stock_level
    REFERENCING OLD TABLE AS nexo_level_old NEW TABLE AS nexo_level_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_stock_level_apply();
CREATE OR REPLACE TRIGGER stock_level_apply_delete AFTER DELETE ON stock_level
    REFERENCING OLD TABLE AS nexo_level_old
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_stock_level_apply();

-- A renamed or archived (or restored) article moves in, out of or within the below-minimum list.
CREATE OR REPLACE FUNCTION nexo_stock_balance_article() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    UPDATE public.stock_balance b SET article_code = NEW.code, article_active = (NEW.status = 'active')
     WHERE b.tenant_id = NEW.tenant_id AND b.article_id = NEW.id AND b.min_quantity IS NOT NULL;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER article_stock_balance AFTER UPDATE OF code, status ON article
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION nexo_stock_balance_article();

-- Trigger functions: no one calls them directly (PostgreSQL refuses a trigger function outside a
-- trigger anyway), and no definer function is left executable by PUBLIC.
REVOKE ALL ON FUNCTION nexo_stock_movement_apply(), nexo_stock_level_apply(), nexo_stock_balance_article()
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};

-- Purchasing documents (current definitions; the tables are V46's). Repeatable: Flyway runs this
-- file again whenever it changes, after the versioned migrations.
--
--   nexo_purchase_line_frozen()   the lines of an RFQ or an order past its draft are neither added
--                                 nor deleted, and only an order line's progress (received and
--                                 billed quantities, kept by receipts and bills) changes on them.
--                                 Receipts and bills have rules of their own. A supplier's
--                                 proposal the buyer accepted (V61) may set an order line's
--                                 quantity and delivery date.
--   nexo_purchase_lines_added_frozen()  the same rule for added lines, checked once per statement.

CREATE OR REPLACE FUNCTION nexo_purchase_line_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    -- The line's document by its primary key alone; the composite foreign key already ties it to a
    -- document of its own tenant. A line deleted by the cascade of its document's deletion finds no
    -- document and passes (only drafts are deleted).
    document uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.document_id ELSE OLD.document_id END;
    frozen text;
BEGIN
    SELECT coalesce(d.number, d.kind) INTO frozen
      FROM purchase_document d
     WHERE d.id = document
       AND d.kind IN ('RFQ', 'ORDER')
       AND d.status <> 'DRAFT';
    IF FOUND THEN
        IF TG_OP = 'UPDATE'
                AND (to_jsonb(NEW) - ARRAY['received_quantity', 'billed_quantity', 'version'])
                    = (to_jsonb(OLD) - ARRAY['received_quantity', 'billed_quantity', 'version']) THEN
            RETURN NEW;
        END IF;
        -- A supplier's proposal that the buyer accepted (V61, the supplier portal) sets an order's
        -- line to the proposed quantity and delivery date, and the net amount they give; nothing else.
        IF TG_OP = 'UPDATE'
                AND (to_jsonb(NEW) - ARRAY['quantity', 'net_amount', 'delivery_date', 'received_quantity',
                                           'billed_quantity', 'version'])
                    = (to_jsonb(OLD) - ARRAY['quantity', 'net_amount', 'delivery_date', 'received_quantity',
                                             'billed_quantity', 'version'])
                AND EXISTS (SELECT 1 FROM purchase_order_response r
                              JOIN purchase_order_response_line rl
                                ON rl.tenant_id = r.tenant_id AND rl.response_id = r.id
                             WHERE r.tenant_id = NEW.tenant_id AND r.order_id = document AND r.status = 'ACCEPTED'
                               AND rl.line_id = NEW.id AND rl.quantity = NEW.quantity
                               AND rl.delivery_date IS NOT DISTINCT FROM NEW.delivery_date) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the lines of % are no longer a draft''s and cannot change', frozen
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- Changes and deletions row by row; insertions are checked once per statement (below).
DROP TRIGGER IF EXISTS purchase_document_line_frozen ON purchase_document_line;
CREATE TRIGGER purchase_document_line_frozen
    BEFORE UPDATE OR DELETE ON purchase_document_line
    FOR EACH ROW EXECUTE FUNCTION nexo_purchase_line_frozen();

-- The same rule for added lines, once per statement over all the rows it inserted (transition
-- table): one look-up of the distinct documents instead of a trigger call and a document look-up per
-- line (the replenishment writes 20,000 draft lines in one statement). Raising in an AFTER trigger
-- undoes the whole statement, as the row trigger did.
CREATE OR REPLACE FUNCTION nexo_purchase_lines_added_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    frozen text;
BEGIN
    SELECT coalesce(d.number, d.kind) INTO frozen
      FROM (SELECT DISTINCT document_id FROM nexo_added_lines) n
      JOIN purchase_document d ON d.id = n.document_id
     WHERE d.kind IN ('RFQ', 'ORDER')
       AND d.status <> 'DRAFT'
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the lines of % are no longer a draft''s and cannot change', frozen
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER purchase_document_line_added_frozen
    AFTER INSERT ON purchase_document_line REFERENCING NEW TABLE AS nexo_added_lines
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_purchase_lines_added_frozen();

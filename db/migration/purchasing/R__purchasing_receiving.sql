-- Purchase receipts (current definitions; the tables are V46's). Repeatable: Flyway runs this file
-- again whenever it changes, after the versioned migrations.
--
--   nexo_purchase_receipt_frozen()        a posted receipt is a fact of the stock ledger: it is
--                                         neither changed nor deleted (a return is a new document).
--   nexo_purchase_receipt_line_frozen()   the lines of a posted receipt are neither changed nor
--                                         deleted (they are written in the transaction that posts it).

CREATE OR REPLACE FUNCTION nexo_purchase_receipt_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF OLD.kind = 'RECEIPT' AND OLD.status = 'POSTED' THEN
        RAISE EXCEPTION 'receipt % is posted and cannot be changed or deleted', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER purchase_document_receipt_frozen
    BEFORE UPDATE OR DELETE ON purchase_document
    FOR EACH ROW EXECUTE FUNCTION nexo_purchase_receipt_frozen();

CREATE OR REPLACE FUNCTION nexo_purchase_receipt_line_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    frozen text;
BEGIN
    -- The line's document by its primary key alone (see nexo_sales_invoice_line_frozen).
    SELECT d.number INTO frozen
      FROM purchase_document d
     WHERE d.id = OLD.document_id
       AND d.kind = 'RECEIPT'
       AND d.status = 'POSTED';
    IF FOUND THEN
        RAISE EXCEPTION 'the lines of receipt % are posted and cannot change', frozen
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER purchase_document_line_receipt_frozen
    BEFORE UPDATE OR DELETE ON purchase_document_line
    FOR EACH ROW EXECUTE FUNCTION nexo_purchase_receipt_line_frozen();

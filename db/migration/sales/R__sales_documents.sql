-- Sales documents (current definitions; the tables are V38's). Repeatable: Flyway runs this file
-- again whenever it changes, after the versioned migrations.
--
--   nexo_sales_invoice_frozen()        an issued invoice (or corrective invoice) never changes and
--                                      is never deleted: the only change left is its cancellation
--                                      (state CANCELLED with a reason and time), which its
--                                      cancellation record in the invoice records' chain follows.
--   nexo_sales_invoice_line_frozen()   the lines of an issued or cancelled invoice are neither
--                                      added, changed nor deleted.

CREATE OR REPLACE FUNCTION nexo_sales_invoice_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF OLD.kind IN ('INVOICE', 'CORRECTIVE') AND OLD.status IN ('ISSUED', 'CANCELLED') THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.number
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        -- search_text (V43) is generated: a BEFORE trigger sees it NULL in NEW, and it follows the
        -- columns compared here anyway.
        IF OLD.status = 'ISSUED' AND NEW.status = 'CANCELLED'
                AND (to_jsonb(NEW) - ARRAY['status', 'cancel_reason', 'cancelled_at', 'updated_at', 'version', 'search_text'])
                    = (to_jsonb(OLD) - ARRAY['status', 'cancel_reason', 'cancelled_at', 'updated_at', 'version', 'search_text']) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'invoice % is issued and cannot be changed', OLD.number
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER sales_document_invoice_frozen
    BEFORE UPDATE OR DELETE ON sales_document
    FOR EACH ROW EXECUTE FUNCTION nexo_sales_invoice_frozen();

CREATE OR REPLACE FUNCTION nexo_sales_invoice_line_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    -- The line's document by its primary key alone: a generic plan cached while sales_document had
    -- no statistics once read (tenant_id, id) through a list index that only the tenant bounds, and
    -- every line walked all of the tenant's invoices. The line's composite foreign key already ties
    -- it to a document of its own tenant.
    document uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.document_id ELSE OLD.document_id END;
    frozen text;
BEGIN
    SELECT d.number INTO frozen
      FROM sales_document d
     WHERE d.id = document
       AND d.kind IN ('INVOICE', 'CORRECTIVE')
       AND d.status IN ('ISSUED', 'CANCELLED');
    IF FOUND THEN
        RAISE EXCEPTION 'the lines of invoice % are issued and cannot change', frozen
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE TRIGGER sales_document_line_invoice_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON sales_document_line
    FOR EACH ROW EXECUTE FUNCTION nexo_sales_invoice_line_frozen();

-- Invoice records (VERI*FACTU; the tables are V40's). Repeatable: Flyway runs this file again whenever
-- it changes, after the versioned migrations.
--
--   nexo_billing_record_chain()      a new record continues its tenant's chain: its sequence follows
--                                    the head's, it names the head as its previous record with that
--                                    record's fingerprint, and it becomes the new head.
--   nexo_billing_record_unchanged()  a record is never deleted, and of its columns only the
--                                    submission's (status, time, CSV, error) ever change.
--   nexo_billing_chain_forward()     a chain head starts empty and only moves forward by one, onto the
--                                    record that continues it; touching it unchanged (the appending
--                                    statement's lock) is allowed.
--
-- They hold for every role, the owner's too: changing a record takes disabling the triggers, which
-- the verification of the chain (sales.verifactu.ChainVerification) then finds.

CREATE OR REPLACE FUNCTION nexo_billing_record_chain() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    UPDATE sales_billing_chain
       SET last_sequence = NEW.sequence, last_record_id = NEW.id, last_fingerprint = NEW.fingerprint
     WHERE tenant_id = NEW.tenant_id
       AND last_sequence = NEW.sequence - 1
       AND last_record_id IS NOT DISTINCT FROM NEW.previous_record_id
       AND last_fingerprint IS NOT DISTINCT FROM NEW.previous_fingerprint;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'invoice record % does not continue its chain (sequence %)', NEW.id, NEW.sequence
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER sales_billing_record_chain
    AFTER INSERT ON sales_billing_record
    FOR EACH ROW EXECUTE FUNCTION nexo_billing_record_chain();

CREATE OR REPLACE FUNCTION nexo_billing_record_unchanged() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    submission CONSTANT text[] := ARRAY['submission_status', 'submitted_at', 'submission_csv', 'submission_error'];
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'invoice records are never deleted'
            USING ERRCODE = 'check_violation';
    END IF;
    IF (to_jsonb(NEW) - submission) IS DISTINCT FROM (to_jsonb(OLD) - submission) THEN
        RAISE EXCEPTION 'invoice record % changes only in its submission columns', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER sales_billing_record_unchanged
    BEFORE UPDATE OR DELETE ON sales_billing_record
    FOR EACH ROW EXECUTE FUNCTION nexo_billing_record_unchanged();

CREATE OR REPLACE TRIGGER sales_billing_record_not_truncated
    BEFORE TRUNCATE ON sales_billing_record
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_billing_record_unchanged();

CREATE OR REPLACE FUNCTION nexo_billing_chain_forward() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'an invoice records chain is never deleted'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.last_sequence <> 0 THEN
            RAISE EXCEPTION 'an invoice records chain starts empty'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
    END IF;
    IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
            OR NEW.last_sequence IS DISTINCT FROM OLD.last_sequence + 1
            OR NOT EXISTS (SELECT FROM sales_billing_record r
                            WHERE r.tenant_id = NEW.tenant_id
                              AND r.id = NEW.last_record_id
                              AND r.sequence = NEW.last_sequence
                              AND r.fingerprint = NEW.last_fingerprint
                              AND r.previous_record_id IS NOT DISTINCT FROM OLD.last_record_id) THEN
        RAISE EXCEPTION 'an invoice records chain only moves forward by one, onto the record that continues it'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER sales_billing_chain_forward
    BEFORE INSERT OR UPDATE OR DELETE ON sales_billing_chain
    FOR EACH ROW EXECUTE FUNCTION nexo_billing_chain_forward();

CREATE OR REPLACE TRIGGER sales_billing_chain_not_truncated
    BEFORE TRUNCATE ON sales_billing_chain
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_billing_chain_forward();

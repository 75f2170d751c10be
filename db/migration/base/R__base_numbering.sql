-- Document numbers (current definitions; the table is V37's). Repeatable: Flyway runs this file
-- again whenever it changes, after the versioned migrations.
--
--   nexo_number_series_forward()   a counter starts at 1 and only ever moves forward by one, in its
--                                  own tenant, series and year: no one rewinds it to give a number
--                                  twice, nor skips numbers (a gap in invoice numbers is unlawful).

CREATE OR REPLACE FUNCTION nexo_number_series_forward() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.last_number <> 1 THEN
            RAISE EXCEPTION 'number series % % must start at 1', NEW.series, NEW.year
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
            OR NEW.series IS DISTINCT FROM OLD.series
            OR NEW.year IS DISTINCT FROM OLD.year
            OR NEW.last_number IS DISTINCT FROM OLD.last_number + 1 THEN
        RAISE EXCEPTION 'number series % % only moves forward by one', OLD.series, OLD.year
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER number_series_forward
    BEFORE INSERT OR UPDATE ON number_series
    FOR EACH ROW EXECUTE FUNCTION nexo_number_series_forward();

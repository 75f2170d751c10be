-- Document numbers (base: sales, purchasing and production number their documents the same way).
-- One counter per tenant, series and year: the last number given. Gapless by construction: the
-- statement that takes a number (base.numbering.DocumentNumbers) locks the counter's row until the
-- issuing transaction ends, so a rolled-back issue gives its number back and concurrent issues
-- queue for consecutive numbers. The trigger of R__base_numbering.sql lets a counter only start at 1
-- and move forward by one.
CREATE TABLE number_series (
    tenant_id   uuid    NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    series      text    NOT NULL CHECK (series ~ '^[A-Z][A-Z0-9]{0,9}$'),
    year        integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_number bigint  NOT NULL CHECK (last_number >= 1),
    PRIMARY KEY (tenant_id, series, year)
);

ALTER TABLE number_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE number_series FORCE ROW LEVEL SECURITY;
CREATE POLICY number_series_staff ON number_series FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
-- No DELETE: a number once given is never given again. Portal and operator roles: nothing.
GRANT SELECT, INSERT, UPDATE ON number_series TO ${staff_role};

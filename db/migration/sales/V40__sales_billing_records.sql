-- Sales: the invoice records (VERI*FACTU, Real Decreto 1007/2023 and Orden HAC/1177/2024). Every
-- issued invoice gets a record of kind ALTA and every cancelled one a record of kind ANULACION; each
-- record's fingerprint (huella, SHA-256 over the fields the tax agency's specification names) takes in
-- the previous record's fingerprint, so the tenant's records form one chain, 1..n. The fingerprint is
-- computed by sales.verifactu.Fingerprints; the database keeps the chain linear and the records
-- unchanged (R__sales_verifactu.sql).

-- One row per record. Only the submission columns change after the insert, and only through their
-- column grant; nothing is ever deleted. invoice_id names the sales document (its foreign key comes
-- with the document table).
CREATE TABLE sales_billing_record (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid          NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    sequence             bigint        NOT NULL CHECK (sequence >= 1),
    kind                 text          NOT NULL CHECK (kind IN ('ALTA', 'ANULACION')),
    invoice_id           uuid          NOT NULL,
    -- The fields the fingerprint is computed from, as they were hashed.
    issuer_tax_id        text          NOT NULL CHECK (issuer_tax_id ~ '^[0-9A-Z]{9}$'),
    invoice_number       text          NOT NULL CHECK (length(invoice_number) BETWEEN 1 AND 60
                                                       AND invoice_number = btrim(invoice_number)),
    invoice_date         date          NOT NULL,
    invoice_type         text          NOT NULL CHECK (invoice_type IN ('F1', 'F2', 'F3', 'R1', 'R2', 'R3', 'R4', 'R5')),
    tax_total            numeric(14, 2) NOT NULL,
    total                numeric(14, 2) NOT NULL,
    previous_record_id   uuid,
    previous_fingerprint text          CHECK (previous_fingerprint ~ '^[0-9A-F]{64}$'),
    fingerprint          text          NOT NULL CHECK (fingerprint ~ '^[0-9A-F]{64}$'),
    generated_at         timestamptz   NOT NULL,
    -- The date, time and offset exactly as hashed (FechaHoraHusoGenRegistro, e.g. 2026-12-02T22:15:07+01:00).
    generated_at_text    text          NOT NULL
                         CHECK (generated_at_text ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$'),
    -- What a sender needs beside the hashed fields to build the record's XML: issuer and recipient,
    -- description, breakdown by rate and regime, corrected invoice.
    payload              jsonb         NOT NULL,
    -- The submission to the tax agency (a future sender): the only columns that ever change.
    submission_status    text          NOT NULL DEFAULT 'NOT_SENT'
                         CHECK (submission_status IN ('NOT_SENT', 'SENT', 'ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED')),
    submitted_at         timestamptz,
    submission_csv       text,
    submission_error     text,
    CONSTRAINT sales_billing_record_sequence_uk UNIQUE (tenant_id, sequence),
    CONSTRAINT sales_billing_record_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT sales_billing_record_previous_fk
        FOREIGN KEY (tenant_id, previous_record_id) REFERENCES sales_billing_record (tenant_id, id),
    CONSTRAINT sales_billing_record_first CHECK ((sequence = 1) = (previous_record_id IS NULL)),
    CONSTRAINT sales_billing_record_previous CHECK ((previous_record_id IS NULL) = (previous_fingerprint IS NULL))
);
-- The records of one invoice (its ALTA, and its ANULACION once cancelled).
CREATE INDEX sales_billing_record_invoice_idx ON sales_billing_record (tenant_id, invoice_id, sequence);

-- The head of each tenant's chain: the last record appended. The appending statement locks this row
-- until the issuing transaction ends (as number_series does for numbers), so concurrent issues chain
-- one after the other, in the order they commit; the record's insert trigger moves it forward.
CREATE TABLE sales_billing_chain (
    tenant_id        uuid   PRIMARY KEY DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    last_sequence    bigint NOT NULL CHECK (last_sequence >= 0),
    last_record_id   uuid,
    last_fingerprint text   CHECK (last_fingerprint ~ '^[0-9A-F]{64}$'),
    CONSTRAINT sales_billing_chain_last_fk
        FOREIGN KEY (tenant_id, last_record_id) REFERENCES sales_billing_record (tenant_id, id),
    CONSTRAINT sales_billing_chain_empty CHECK ((last_sequence = 0) = (last_record_id IS NULL)
                                                AND (last_record_id IS NULL) = (last_fingerprint IS NULL))
);

ALTER TABLE sales_billing_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_billing_record FORCE ROW LEVEL SECURITY;
CREATE POLICY sales_billing_record_staff ON sales_billing_record FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());

ALTER TABLE sales_billing_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_billing_chain FORCE ROW LEVEL SECURITY;
CREATE POLICY sales_billing_chain_staff ON sales_billing_chain FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());

-- Staff only; portal and operator roles: nothing. No DELETE for anyone: a record is kept for good.
GRANT SELECT, INSERT ON sales_billing_record TO ${staff_role};
GRANT UPDATE (submission_status, submitted_at, submission_csv, submission_error) ON sales_billing_record TO ${staff_role};
-- UPDATE for the lock the appending statement takes and for the insert trigger moving the head.
GRANT SELECT, INSERT, UPDATE ON sales_billing_chain TO ${staff_role};

-- The submission's progress shows in the record's history (the rest never changes).
SELECT nexo_track_history('sales_billing_record', 'invoice_id');

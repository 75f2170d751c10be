-- The supplier portal (issue 19): a supplier's portal user reads its own RFQs and purchase orders
-- and acts on them, under the supplier role and bound to its account (nexo_party_id()).
--
--   * RFQs it was invited to (once sent) with their lines: it writes its answer into the same
--     purchase_rfq_answer rows buyers record today, and marks its purchase_rfq_supplier row answered
--     or declined. purchase_rfq_supplier gets a version, so a second answer names the one it replaces.
--   * Its purchase orders (once sent, i.e. numbered) with their lines: it confirms an order as it is,
--     or proposes other quantities and delivery dates per line with a comment
--     (purchase_order_response, one per order, and its lines). The buyer accepts a proposal (the
--     order's lines take its quantities and dates) or rejects it; the supplier may then answer again.
--   * Files it uploads (V58 portal uploads: owned by its account) tied to one of its orders as a
--     delivery note or a bill (purchase_order_file); staff reads them on the order's page.
--
-- Every policy of the supplier role names the tenant and the supplier's own account; a supplier
-- context with another account (or none) reads and writes nothing.

ALTER TABLE purchase_rfq_supplier ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- The date a line is to be delivered on, when it differs from the order's expected date: set when
-- the buyer accepts a supplier's proposal (R__purchasing_documents lets a sent order's line change
-- only so).
ALTER TABLE purchase_document_line ADD COLUMN delivery_date date;

CREATE TABLE purchase_order_response (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    order_id      uuid        NOT NULL,
    supplier_id   uuid        NOT NULL DEFAULT nexo_party_id(),
    -- CONFIRMED: the supplier confirms the order as it is. PROPOSED: it proposes other quantities or
    -- dates (its lines), awaiting the buyer; ACCEPTED or REJECTED: what the buyer decided.
    status        text        NOT NULL CHECK (status IN ('CONFIRMED', 'PROPOSED', 'ACCEPTED', 'REJECTED')),
    comment       text        CHECK (btrim(comment) <> '' AND length(comment) <= 1000),
    responded_at  timestamptz NOT NULL DEFAULT now(),
    responded_by  uuid        DEFAULT nexo_user_id(),
    decided_at    timestamptz,
    decided_by    uuid,
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT purchase_order_response_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT purchase_order_response_order_uk UNIQUE (tenant_id, order_id),
    CONSTRAINT purchase_order_response_order_fk FOREIGN KEY (tenant_id, order_id)
        REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_order_response_supplier_fk FOREIGN KEY (tenant_id, supplier_id)
        REFERENCES account (tenant_id, id),
    CONSTRAINT purchase_order_response_decided CHECK ((decided_at IS NULL) = (status IN ('CONFIRMED', 'PROPOSED')))
);
CREATE INDEX purchase_order_response_supplier_ix ON purchase_order_response (tenant_id, supplier_id, status);

-- A proposal's line: the quantity and delivery date the supplier proposes for one line of the order.
CREATE TABLE purchase_order_response_line (
    id            uuid           NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    tenant_id     uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    response_id   uuid           NOT NULL,
    line_id       uuid           NOT NULL,
    quantity      numeric(14, 4) NOT NULL CHECK (quantity > 0),
    delivery_date date,
    PRIMARY KEY (tenant_id, response_id, line_id),
    CONSTRAINT purchase_order_response_line_response_fk FOREIGN KEY (tenant_id, response_id)
        REFERENCES purchase_order_response (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_order_response_line_line_fk FOREIGN KEY (tenant_id, line_id)
        REFERENCES purchase_document_line (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX purchase_order_response_line_line_ix ON purchase_order_response_line (tenant_id, line_id);

-- A file (V58: owned by the account that uploaded it) tied to a purchase order.
CREATE TABLE purchase_order_file (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    order_id     uuid        NOT NULL,
    file_id      uuid        NOT NULL,
    supplier_id  uuid        NOT NULL DEFAULT nexo_party_id(),
    kind         text        NOT NULL CHECK (kind IN ('DELIVERY_NOTE', 'BILL')),
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    uploaded_by  uuid        DEFAULT nexo_user_id(),
    CONSTRAINT purchase_order_file_order_fk FOREIGN KEY (tenant_id, order_id)
        REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_order_file_file_fk FOREIGN KEY (tenant_id, file_id)
        REFERENCES stored_file (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_order_file_supplier_fk FOREIGN KEY (tenant_id, supplier_id)
        REFERENCES account (tenant_id, id)
);
CREATE INDEX purchase_order_file_order_ix ON purchase_order_file (tenant_id, order_id, uploaded_at);

ALTER TABLE purchase_order_response ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_order_response FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_order_response_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_order_response_line FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_order_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_order_file FORCE ROW LEVEL SECURITY;

CREATE POLICY purchase_order_response_staff ON purchase_order_response FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_order_response_line_staff ON purchase_order_response_line FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_order_file_staff ON purchase_order_file FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON purchase_order_response, purchase_order_response_line TO ${staff_role};
-- Staff reads the files suppliers tie to orders and may untie them; only a supplier ties one.
GRANT SELECT, DELETE ON purchase_order_file TO ${staff_role};

-- --- The supplier role ----------------------------------------------------------------------------

-- Its orders once sent (numbered), and the RFQs it was invited to once sent.
CREATE POLICY purchase_document_supplier_order ON purchase_document FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND kind = 'ORDER' AND supplier_id = nexo_party_id()
           AND number IS NOT NULL);
CREATE POLICY purchase_document_supplier_rfq ON purchase_document FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND kind = 'RFQ' AND number IS NOT NULL
           AND EXISTS (SELECT 1 FROM purchase_rfq_supplier s
                        WHERE s.tenant_id = purchase_document.tenant_id AND s.rfq_id = purchase_document.id
                          AND s.supplier_id = nexo_party_id()));
-- The lines of those documents: of its own orders, and of the RFQs it is invited to (each document
-- also read under the policies above).
CREATE POLICY purchase_document_line_supplier_order ON purchase_document_line FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM purchase_document d
                        WHERE d.tenant_id = purchase_document_line.tenant_id
                          AND d.id = purchase_document_line.document_id
                          AND d.kind = 'ORDER' AND d.supplier_id = nexo_party_id()));
CREATE POLICY purchase_document_line_supplier_rfq ON purchase_document_line FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM purchase_document d
                         JOIN purchase_rfq_supplier s ON s.tenant_id = d.tenant_id AND s.rfq_id = d.id
                        WHERE d.tenant_id = purchase_document_line.tenant_id
                          AND d.id = purchase_document_line.document_id
                          AND d.kind = 'RFQ' AND s.supplier_id = nexo_party_id()));

-- Its own invitations once sent (a draft RFQ's are INVITED): read them, and mark them answered or
-- declined while they are open.
CREATE POLICY purchase_rfq_supplier_supplier_read ON purchase_rfq_supplier FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id() AND status <> 'INVITED');
CREATE POLICY purchase_rfq_supplier_supplier_answer ON purchase_rfq_supplier FOR UPDATE TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
           AND status IN ('SENT', 'ANSWERED', 'DECLINED'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
                AND status IN ('ANSWERED', 'DECLINED'));

-- Its own answer lines: read, replace (delete and insert) while the RFQ is sent and it is invited,
-- each on a line of that RFQ.
CREATE POLICY purchase_rfq_answer_supplier_read ON purchase_rfq_answer FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id());
CREATE POLICY purchase_rfq_answer_supplier_insert ON purchase_rfq_answer FOR INSERT TO ${supplier_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
                AND EXISTS (SELECT 1 FROM purchase_document d
                              JOIN purchase_document_line l ON l.tenant_id = d.tenant_id AND l.document_id = d.id
                             WHERE d.tenant_id = purchase_rfq_answer.tenant_id AND d.id = purchase_rfq_answer.rfq_id
                               AND d.kind = 'RFQ' AND d.status = 'SENT' AND l.id = purchase_rfq_answer.line_id));
CREATE POLICY purchase_rfq_answer_supplier_delete ON purchase_rfq_answer FOR DELETE TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id());

-- Its responses to its orders: read them, write one while the order is sent (a confirmation or a
-- proposal, never the buyer's decision), and change it while it is a proposal or was rejected.
CREATE POLICY purchase_order_response_supplier_read ON purchase_order_response FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id());
CREATE POLICY purchase_order_response_supplier_insert ON purchase_order_response FOR INSERT TO ${supplier_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
                AND status IN ('CONFIRMED', 'PROPOSED') AND decided_by IS NULL
                AND EXISTS (SELECT 1 FROM purchase_document d
                             WHERE d.tenant_id = purchase_order_response.tenant_id
                               AND d.id = purchase_order_response.order_id AND d.status = 'SENT'));
CREATE POLICY purchase_order_response_supplier_update ON purchase_order_response FOR UPDATE TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id() AND status IN ('PROPOSED', 'REJECTED'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
                AND status IN ('CONFIRMED', 'PROPOSED') AND decided_by IS NULL
                AND EXISTS (SELECT 1 FROM purchase_document d
                             WHERE d.tenant_id = purchase_order_response.tenant_id
                               AND d.id = purchase_order_response.order_id AND d.status = 'SENT'));

-- The lines of its own proposals: read; written while the proposal is open, each on a line of the
-- proposal's order.
CREATE POLICY purchase_order_response_line_supplier_read ON purchase_order_response_line FOR SELECT
    TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM purchase_order_response r
                        WHERE r.tenant_id = purchase_order_response_line.tenant_id
                          AND r.id = purchase_order_response_line.response_id AND r.supplier_id = nexo_party_id()));
CREATE POLICY purchase_order_response_line_supplier_insert ON purchase_order_response_line FOR INSERT
    TO ${supplier_role}
    WITH CHECK (tenant_id = nexo_tenant_id()
                AND EXISTS (SELECT 1 FROM purchase_order_response r
                              JOIN purchase_document_line l ON l.tenant_id = r.tenant_id AND l.document_id = r.order_id
                             WHERE r.tenant_id = purchase_order_response_line.tenant_id
                               AND r.id = purchase_order_response_line.response_id
                               AND r.supplier_id = nexo_party_id() AND r.status = 'PROPOSED'
                               AND l.id = purchase_order_response_line.line_id));
CREATE POLICY purchase_order_response_line_supplier_delete ON purchase_order_response_line FOR DELETE
    TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM purchase_order_response r
                        WHERE r.tenant_id = purchase_order_response_line.tenant_id
                          AND r.id = purchase_order_response_line.response_id AND r.supplier_id = nexo_party_id()
                          AND r.status IN ('PROPOSED', 'REJECTED')));

-- Its own files on its own orders.
CREATE POLICY purchase_order_file_supplier_read ON purchase_order_file FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id());
CREATE POLICY purchase_order_file_supplier_insert ON purchase_order_file FOR INSERT TO ${supplier_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
                AND EXISTS (SELECT 1 FROM purchase_document d
                             WHERE d.tenant_id = purchase_order_file.tenant_id AND d.id = purchase_order_file.order_id
                               AND d.kind = 'ORDER' AND d.supplier_id = nexo_party_id())
                AND EXISTS (SELECT 1 FROM stored_file f
                             WHERE f.tenant_id = purchase_order_file.tenant_id AND f.id = purchase_order_file.file_id
                               AND f.party_id = nexo_party_id()));
CREATE POLICY purchase_order_file_supplier_delete ON purchase_order_file FOR DELETE TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id());

GRANT SELECT ON purchase_document, purchase_document_line TO ${supplier_role};
GRANT SELECT ON purchase_rfq_supplier TO ${supplier_role};
GRANT UPDATE (status, answered_at, supplier_reference, valid_until, decline_reason, version)
    ON purchase_rfq_supplier TO ${supplier_role};
GRANT SELECT, INSERT, DELETE ON purchase_rfq_answer TO ${supplier_role};
GRANT SELECT, INSERT ON purchase_order_response TO ${supplier_role};
GRANT UPDATE (status, comment, responded_at, responded_by, decided_at, decided_by, version)
    ON purchase_order_response TO ${supplier_role};
GRANT SELECT, INSERT, DELETE ON purchase_order_response_line TO ${supplier_role};
GRANT SELECT, INSERT, DELETE ON purchase_order_file TO ${supplier_role};

SELECT nexo_track_history('purchase_order_response', 'order_id', ARRAY['responded_at']);
SELECT nexo_track_history('purchase_order_file', 'order_id', ARRAY['uploaded_at']);

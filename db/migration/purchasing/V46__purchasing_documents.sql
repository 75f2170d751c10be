-- Purchasing documents: requests for quotation (RFQ), purchase orders, receipts and supplier bills
-- share one header table and one line table, as sales does: an RFQ's chosen answer becomes an order,
-- an order is received by one or more receipts and billed by one or more supplier bills, line by line
-- (source_line_id). Drafts have no number; a number is taken from base's number_series in the
-- transaction that sends an RFQ or an order, posts a receipt or records a bill.
--
-- Shaped for the supplier portal (issue 19): every order, receipt and bill names its supplier
-- (supplier_id) and every RFQ names its suppliers in purchase_rfq_supplier, so the portal only adds
-- grants and policies "TO supplier_role USING (supplier_id = the portal's account)". Until then the
-- supplier role has no grant on any of these tables.
CREATE TABLE purchase_document (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    kind                text           NOT NULL CHECK (kind IN ('RFQ', 'ORDER', 'RECEIPT', 'BILL')),
    -- RFQ: DRAFT -> SENT -> CLOSED (an answer chosen) | CANCELLED.
    -- ORDER: DRAFT -> TO_APPROVE (above the tenant's threshold) -> APPROVED -> SENT
    --        -> PARTIALLY_RECEIVED -> RECEIVED | CANCELLED (only what is not received).
    -- RECEIPT: POSTED (a receipt is written when the goods are counted in; it never changes).
    -- BILL: DRAFT -> APPROVED (after the three-way match) | CANCELLED.
    status              text           NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'CLOSED', 'TO_APPROVE',
                                           'APPROVED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'POSTED', 'CANCELLED')),
    series              text,
    number_year         integer,
    number              text,
    -- The supplier (an account with the supplier role); null only on an RFQ, whose suppliers are in
    -- purchase_rfq_supplier.
    supplier_id         uuid,
    contact_id          uuid,
    -- The supplier as the document is addressed to it, copied when the document is written.
    supplier_name       text           CHECK (btrim(supplier_name) <> ''),
    supplier_tax_id     text,
    supplier_email      text,
    language            text           NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
    currency            text           NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    document_date       date           NOT NULL,
    -- RFQ: answers wanted by; ORDER: delivery expected on; BILL: payment due on.
    expected_date       date,
    due_date            date,
    warehouse_id        uuid,
    -- The supplier's own number and date (its quotation, delivery note or bill).
    supplier_reference  text,
    supplier_date       date,
    payment_days        integer        CHECK (payment_days BETWEEN 0 AND 365),
    notes               text,
    -- The RFQ an order was made from; the order a receipt or a bill belongs to.
    rfq_id              uuid,
    order_id            uuid,
    base_amount         numeric(16, 2) NOT NULL DEFAULT 0,
    vat_amount          numeric(16, 2) NOT NULL DEFAULT 0,
    total_amount        numeric(16, 2) NOT NULL DEFAULT 0,
    -- Approval of an order above the tenant's threshold (purchasing.approve), and of a bill.
    approved_by         uuid,
    approved_at         timestamptz,
    sent_at             timestamptz,
    -- A bill's three-way match against its order and receipts, computed when the bill is saved:
    -- MATCHED, or DIFFERENCES (quantity or price) that the approver must accept with a note.
    match_status        text           CHECK (match_status IN ('MATCHED', 'DIFFERENCES')),
    match_note          text,
    cancel_reason       text,
    cancelled_at        timestamptz,
    numbered_at         timestamptz,
    created_by          uuid           DEFAULT nexo_user_id(),
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT purchase_document_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT purchase_document_supplier_fk FOREIGN KEY (tenant_id, supplier_id) REFERENCES account (tenant_id, id),
    CONSTRAINT purchase_document_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id),
    CONSTRAINT purchase_document_rfq_fk FOREIGN KEY (tenant_id, rfq_id) REFERENCES purchase_document (tenant_id, id),
    CONSTRAINT purchase_document_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES purchase_document (tenant_id, id),
    CONSTRAINT purchase_document_supplier CHECK (kind = 'RFQ' OR (supplier_id IS NOT NULL AND supplier_name IS NOT NULL)),
    CONSTRAINT purchase_document_numbered CHECK ((number IS NULL) = (series IS NULL) AND (number IS NULL) = (number_year IS NULL)),
    CONSTRAINT purchase_document_draft_unnumbered CHECK (status NOT IN ('DRAFT', 'TO_APPROVE') OR number IS NULL),
    CONSTRAINT purchase_document_receipt_of_order CHECK (kind <> 'RECEIPT' OR (order_id IS NOT NULL AND warehouse_id IS NOT NULL)),
    CONSTRAINT purchase_document_bill_reference CHECK (kind <> 'BILL' OR (btrim(coalesce(supplier_reference, '')) <> '' AND supplier_date IS NOT NULL)),
    CONSTRAINT purchase_document_approved CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
    CONSTRAINT purchase_document_cancel_reason CHECK (status <> 'CANCELLED' OR btrim(coalesce(cancel_reason, '')) <> '')
);
CREATE UNIQUE INDEX purchase_document_number_uk ON purchase_document (tenant_id, kind, number) WHERE number IS NOT NULL;
-- A supplier's bill number is recorded once.
CREATE UNIQUE INDEX purchase_document_bill_reference_uk ON purchase_document (tenant_id, supplier_id, supplier_reference)
    WHERE kind = 'BILL' AND status <> 'CANCELLED';
-- Keyset lists, one index per whitelisted order (purchasing.lists): per kind by date, by number
-- (drafts under their kind's name), by supplier name and by total.
CREATE INDEX purchase_document_kind_date_ix ON purchase_document (tenant_id, kind, document_date DESC, id DESC);
CREATE INDEX purchase_document_kind_number_ix ON purchase_document (tenant_id, kind, coalesce(number, kind), id);
CREATE INDEX purchase_document_kind_supplier_ix ON purchase_document (tenant_id, kind, supplier_name, id);
CREATE INDEX purchase_document_kind_total_ix ON purchase_document (tenant_id, kind, total_amount, id);
CREATE INDEX purchase_document_kind_status_ix ON purchase_document (tenant_id, kind, status, document_date DESC, id DESC);
CREATE INDEX purchase_document_supplier_ix ON purchase_document (tenant_id, supplier_id, document_date DESC, id DESC);
CREATE INDEX purchase_document_order_ix ON purchase_document (tenant_id, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX purchase_document_rfq_ix ON purchase_document (tenant_id, rfq_id) WHERE rfq_id IS NOT NULL;

CREATE TABLE purchase_document_line (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    document_id        uuid           NOT NULL,
    position           integer        NOT NULL CHECK (position >= 1),
    article_id         uuid,
    article_code       text,
    -- The supplier's code for the article, printed on the RFQ and the order.
    supplier_code      text,
    description        text           NOT NULL CHECK (btrim(description) <> ''),
    quantity           numeric(14, 4) NOT NULL CHECK (quantity >= 0),
    unit_code          text,
    unit_price         numeric(16, 4) NOT NULL DEFAULT 0 CHECK (unit_price >= 0),
    discount_percent   numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    tax_code           text           NOT NULL,
    vat_percent        numeric(5, 2)  NOT NULL CHECK (vat_percent BETWEEN 0 AND 100),
    net_amount         numeric(16, 2) NOT NULL DEFAULT 0,
    stock_tracked      boolean        NOT NULL DEFAULT false,
    -- Where a receipt line put the goods (the receipt's warehouse; a location of it, if any).
    location_id        uuid,
    -- The line this one was made from: RFQ line -> order line -> receipt line / bill line.
    source_line_id     uuid,
    -- Progress of an order line, kept in the transaction that posts a receipt or records a bill.
    received_quantity  numeric(14, 4) NOT NULL DEFAULT 0,
    billed_quantity    numeric(14, 4) NOT NULL DEFAULT 0,
    -- The stock movement a receipt line wrote (articles' ledger).
    movement_id        uuid,
    version            bigint         NOT NULL DEFAULT 0,
    CONSTRAINT purchase_document_line_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT purchase_document_line_position_uk UNIQUE (document_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT purchase_document_line_document_fk FOREIGN KEY (tenant_id, document_id)
        REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_document_line_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT purchase_document_line_source_fk FOREIGN KEY (tenant_id, source_line_id)
        REFERENCES purchase_document_line (tenant_id, id),
    CONSTRAINT purchase_document_line_movement_fk FOREIGN KEY (tenant_id, movement_id)
        REFERENCES stock_movement (tenant_id, id)
);
CREATE INDEX purchase_document_line_document_ix ON purchase_document_line (tenant_id, document_id, position);
CREATE INDEX purchase_document_line_source_ix ON purchase_document_line (tenant_id, source_line_id) WHERE source_line_id IS NOT NULL;
CREATE INDEX purchase_document_line_article_ix ON purchase_document_line (tenant_id, article_id, document_id) WHERE article_id IS NOT NULL;

-- The suppliers an RFQ goes to, and where each stands (sent, answered, chosen, declined).
CREATE TABLE purchase_rfq_supplier (
    -- The row's own id: the change history records every row by its "id" column.
    id             uuid        NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    tenant_id      uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    rfq_id         uuid        NOT NULL,
    supplier_id    uuid        NOT NULL,
    supplier_name  text        NOT NULL CHECK (btrim(supplier_name) <> ''),
    supplier_email text,
    language       text        NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
    status         text        NOT NULL DEFAULT 'INVITED' CHECK (status IN ('INVITED', 'SENT', 'ANSWERED', 'DECLINED', 'CHOSEN')),
    sent_at        timestamptz,
    answered_at    timestamptz,
    -- The supplier's quotation reference and validity, as it answered.
    supplier_reference text,
    valid_until    date,
    -- The order made from this supplier's answer.
    order_id       uuid,
    PRIMARY KEY (tenant_id, rfq_id, supplier_id),
    CONSTRAINT purchase_rfq_supplier_rfq_fk FOREIGN KEY (tenant_id, rfq_id) REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_rfq_supplier_supplier_fk FOREIGN KEY (tenant_id, supplier_id) REFERENCES account (tenant_id, id),
    CONSTRAINT purchase_rfq_supplier_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES purchase_document (tenant_id, id)
);
CREATE INDEX purchase_rfq_supplier_supplier_ix ON purchase_rfq_supplier (tenant_id, supplier_id);

-- A supplier's answer to one RFQ line: price, quantity it can deliver, and when.
CREATE TABLE purchase_rfq_answer (
    id               uuid           NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    tenant_id        uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    rfq_id           uuid           NOT NULL,
    supplier_id      uuid           NOT NULL,
    line_id          uuid           NOT NULL,
    unit_price       numeric(16, 4) NOT NULL CHECK (unit_price >= 0),
    discount_percent numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    quantity         numeric(14, 4) NOT NULL CHECK (quantity > 0),
    delivery_date    date,
    note             text,
    answered_at      timestamptz    NOT NULL DEFAULT now(),
    answered_by      uuid           DEFAULT nexo_user_id(),
    PRIMARY KEY (tenant_id, rfq_id, supplier_id, line_id),
    CONSTRAINT purchase_rfq_answer_supplier_fk FOREIGN KEY (tenant_id, rfq_id, supplier_id)
        REFERENCES purchase_rfq_supplier (tenant_id, rfq_id, supplier_id) ON DELETE CASCADE,
    CONSTRAINT purchase_rfq_answer_line_fk FOREIGN KEY (tenant_id, line_id)
        REFERENCES purchase_document_line (tenant_id, id) ON DELETE CASCADE
);

-- Which document was made from which (RFQ -> order -> receipts and bills): related documents.
CREATE TABLE purchase_document_link (
    tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    from_id   uuid NOT NULL,
    to_id     uuid NOT NULL,
    PRIMARY KEY (tenant_id, from_id, to_id),
    CONSTRAINT purchase_document_link_from_fk FOREIGN KEY (tenant_id, from_id) REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT purchase_document_link_to_fk FOREIGN KEY (tenant_id, to_id) REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX purchase_document_link_to_ix ON purchase_document_link (tenant_id, to_id);

-- E-mails sent with an RFQ's or an order's PDF: one row each, for the document's timeline.
CREATE TABLE purchase_document_mail (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    document_id uuid        NOT NULL,
    recipient   text        NOT NULL,
    subject     text        NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    sent_by     uuid        DEFAULT nexo_user_id(),
    CONSTRAINT purchase_document_mail_document_fk FOREIGN KEY (tenant_id, document_id)
        REFERENCES purchase_document (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX purchase_document_mail_document_ix ON purchase_document_mail (tenant_id, document_id);

-- A tenant's purchasing settings: orders whose total (before tax) is above approval_threshold need
-- the purchasing.approve permission before they can be sent; null means no approval is needed.
CREATE TABLE purchase_settings (
    tenant_id          uuid PRIMARY KEY DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    approval_threshold numeric(16, 2) CHECK (approval_threshold >= 0),
    -- Tolerance of the three-way match, in percent of the order's unit price.
    price_tolerance    numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (price_tolerance BETWEEN 0 AND 100),
    updated_at         timestamptz    NOT NULL DEFAULT now(),
    version            bigint         NOT NULL DEFAULT 0
);

-- What a supplier sells of an article: its code, lead time, the last price it was bought at, and
-- quantity breaks (purchase_supplier_price_break). Kept by purchasing.prices; the last price is
-- updated by every posted receipt.
CREATE TABLE purchase_supplier_article (
    id               uuid PRIMARY KEY,
    tenant_id        uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    supplier_id      uuid           NOT NULL,
    article_id       uuid           NOT NULL,
    supplier_code    text,
    lead_time_days   integer        CHECK (lead_time_days BETWEEN 0 AND 730),
    min_order_qty    numeric(14, 4) CHECK (min_order_qty > 0),
    currency         text           NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    last_price       numeric(16, 4) CHECK (last_price >= 0),
    last_price_on    date,
    last_document_id uuid,
    updated_at       timestamptz    NOT NULL DEFAULT now(),
    version          bigint         NOT NULL DEFAULT 0,
    CONSTRAINT purchase_supplier_article_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT purchase_supplier_article_uk UNIQUE (tenant_id, supplier_id, article_id),
    CONSTRAINT purchase_supplier_article_supplier_fk FOREIGN KEY (tenant_id, supplier_id) REFERENCES account (tenant_id, id),
    CONSTRAINT purchase_supplier_article_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX purchase_supplier_article_article_ix ON purchase_supplier_article (tenant_id, article_id);

CREATE TABLE purchase_supplier_price_break (
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    supplier_article_id uuid           NOT NULL,
    min_quantity        numeric(14, 4) NOT NULL CHECK (min_quantity > 0),
    unit_price          numeric(16, 4) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (tenant_id, supplier_article_id, min_quantity),
    CONSTRAINT purchase_supplier_price_break_fk FOREIGN KEY (tenant_id, supplier_article_id)
        REFERENCES purchase_supplier_article (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE purchase_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_document FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_document_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_document_line FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_rfq_supplier ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_rfq_supplier FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_rfq_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_rfq_answer FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_document_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_document_link FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_document_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_document_mail FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_supplier_article ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_supplier_article FORCE ROW LEVEL SECURITY;
ALTER TABLE purchase_supplier_price_break ENABLE ROW LEVEL SECURITY;
ALTER TABLE purchase_supplier_price_break FORCE ROW LEVEL SECURITY;

CREATE POLICY purchase_document_staff ON purchase_document FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_document_line_staff ON purchase_document_line FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_rfq_supplier_staff ON purchase_rfq_supplier FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_rfq_answer_staff ON purchase_rfq_answer FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_document_link_staff ON purchase_document_link FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_document_mail_staff ON purchase_document_mail FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id() AND sent_by IS NOT DISTINCT FROM nexo_user_id());
CREATE POLICY purchase_settings_staff ON purchase_settings FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_supplier_article_staff ON purchase_supplier_article FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY purchase_supplier_price_break_staff ON purchase_supplier_price_break FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON purchase_document, purchase_document_line, purchase_rfq_supplier,
    purchase_rfq_answer, purchase_document_link, purchase_supplier_article, purchase_supplier_price_break TO ${staff_role};
GRANT SELECT, INSERT, UPDATE ON purchase_settings TO ${staff_role};
-- A sent e-mail is a fact: recorded, never edited.
GRANT SELECT, INSERT ON purchase_document_mail TO ${staff_role};
-- Supplier, client and professional portal roles: nothing yet (issue 19 adds the supplier's grants
-- and policies on its own RFQs, answers and orders).

SELECT nexo_track_history('purchase_document', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('purchase_document_line', 'document_id', ARRAY['version']);
SELECT nexo_track_history('purchase_rfq_supplier', 'rfq_id');
SELECT nexo_track_history('purchase_rfq_answer', 'rfq_id', ARRAY['answered_at']);
SELECT nexo_track_history('purchase_document_mail', 'document_id');
SELECT nexo_track_history('purchase_supplier_article', 'id', ARRAY['updated_at', 'version']);

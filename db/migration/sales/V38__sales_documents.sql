-- Sales documents: quotes, orders, delivery notes, invoices and corrective invoices share one header
-- table and one line table (the flow converts one into the next line by line). Drafts have no
-- number; a number is taken from base's number_series in the transaction that sends, confirms,
-- delivers or issues the document. Issued invoices never change: the triggers of
-- R__sales_documents.sql refuse it (a cancellation only sets its state and reason).
CREATE TABLE sales_document (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid          NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    kind                text          NOT NULL CHECK (kind IN ('QUOTE', 'ORDER', 'DELIVERY', 'INVOICE', 'CORRECTIVE')),
    status              text          NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'ACCEPTED', 'CONFIRMED',
                                          'PARTIALLY_DELIVERED', 'DELIVERED', 'DONE', 'ISSUED', 'CANCELLED')),
    series              text,
    number_year         integer,
    number              text,
    account_id          uuid          NOT NULL,
    contact_id          uuid,
    -- The client as the document is addressed to it, copied when the document is numbered (or
    -- created) so that a later change of the account does not rewrite an issued document.
    client_name         text          NOT NULL CHECK (btrim(client_name) <> ''),
    client_tax_id       text,
    client_country      text,
    billing_address     text[]        NOT NULL DEFAULT '{}',
    shipping_address    text[]        NOT NULL DEFAULT '{}',
    client_email        text,
    language            text          NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
    currency            text          NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    -- Units of the document's currency per euro, fixed when the document is numbered (1 for EUR).
    exchange_rate       numeric(18, 8) NOT NULL DEFAULT 1 CHECK (exchange_rate > 0),
    payment_days        integer       CHECK (payment_days BETWEEN 0 AND 365),
    document_date       date          NOT NULL,
    valid_until         date,
    due_date            date,
    delivery_date       date,
    salesperson_id      uuid,
    warehouse_id        uuid,
    tax_regime          text          NOT NULL DEFAULT 'DOMESTIC'
                                      CHECK (tax_regime IN ('DOMESTIC', 'EQUIVALENCE_SURCHARGE', 'EXEMPT', 'INTRA_EU', 'EXPORT')),
    withholding_percent numeric(5, 2) CHECK (withholding_percent BETWEEN 0 AND 100),
    document_discount   numeric(5, 2) NOT NULL DEFAULT 0 CHECK (document_discount BETWEEN 0 AND 100),
    legal_note          text,
    client_reference    text,
    notes               text,
    corrected_id        uuid,
    correction_reason   text,
    cancel_reason       text,
    cancelled_at        timestamptz,
    base_amount         numeric(16, 2) NOT NULL DEFAULT 0,
    vat_amount          numeric(16, 2) NOT NULL DEFAULT 0,
    surcharge_amount    numeric(16, 2) NOT NULL DEFAULT 0,
    withholding_amount  numeric(16, 2) NOT NULL DEFAULT 0,
    total_amount        numeric(16, 2) NOT NULL DEFAULT 0,
    numbered_at         timestamptz,
    created_by          uuid          DEFAULT nexo_user_id(),
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    version             bigint        NOT NULL DEFAULT 0,
    CONSTRAINT sales_document_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT sales_document_account_fk FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
    CONSTRAINT sales_document_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id),
    CONSTRAINT sales_document_corrected_fk FOREIGN KEY (tenant_id, corrected_id) REFERENCES sales_document (tenant_id, id),
    CONSTRAINT sales_document_numbered CHECK ((number IS NULL) = (series IS NULL) AND (number IS NULL) = (number_year IS NULL)),
    CONSTRAINT sales_document_draft_unnumbered CHECK (status <> 'DRAFT' OR number IS NULL),
    CONSTRAINT sales_document_corrective CHECK ((kind = 'CORRECTIVE') = (corrected_id IS NOT NULL)),
    CONSTRAINT sales_document_cancel_reason CHECK (status <> 'CANCELLED' OR btrim(coalesce(cancel_reason, '')) <> '')
);
CREATE UNIQUE INDEX sales_document_number_uk ON sales_document (tenant_id, kind, number) WHERE number IS NOT NULL;
-- Keyset lists, one index per whitelisted order (sales.lists.SalesListQueries): per kind by date, by
-- number (drafts under their kind's name), by client and by total; the invoice list shows invoices and
-- corrective invoices together, so it has partial indexes of its own in the same orders.
CREATE INDEX sales_document_kind_date_ix ON sales_document (tenant_id, kind, document_date DESC, id DESC);
CREATE INDEX sales_document_kind_number_ix ON sales_document (tenant_id, kind, coalesce(number, kind), id);
CREATE INDEX sales_document_kind_client_ix ON sales_document (tenant_id, kind, client_name, id);
CREATE INDEX sales_document_kind_total_ix ON sales_document (tenant_id, kind, total_amount, id);
CREATE INDEX sales_document_invoices_date_ix ON sales_document (tenant_id, document_date DESC, id DESC)
    WHERE kind IN ('INVOICE', 'CORRECTIVE');
CREATE INDEX sales_document_invoices_number_ix ON sales_document (tenant_id, coalesce(number, kind), id)
    WHERE kind IN ('INVOICE', 'CORRECTIVE');
CREATE INDEX sales_document_invoices_client_ix ON sales_document (tenant_id, client_name, id)
    WHERE kind IN ('INVOICE', 'CORRECTIVE');
CREATE INDEX sales_document_invoices_total_ix ON sales_document (tenant_id, total_amount, id)
    WHERE kind IN ('INVOICE', 'CORRECTIVE');
CREATE INDEX sales_document_account_ix ON sales_document (tenant_id, account_id, document_date DESC, id DESC);
CREATE INDEX sales_document_number_search_ix ON sales_document USING gin (tenant_id, number gin_trgm_ops);
CREATE INDEX sales_document_client_search_ix ON sales_document USING gin (tenant_id, client_name gin_trgm_ops);

CREATE TABLE sales_document_line (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    document_id        uuid           NOT NULL,
    position           integer        NOT NULL CHECK (position >= 1),
    article_id         uuid,
    article_code       text,
    description        text           NOT NULL CHECK (btrim(description) <> ''),
    quantity           numeric(14, 4) NOT NULL,
    unit_code          text,
    unit_price         numeric(16, 4) NOT NULL CHECK (unit_price >= 0),
    discount_percent   numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    tax_code           text           NOT NULL,
    vat_percent        numeric(5, 2)  NOT NULL CHECK (vat_percent BETWEEN 0 AND 100),
    surcharge_percent  numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (surcharge_percent BETWEEN 0 AND 100),
    net_amount         numeric(16, 2) NOT NULL,
    stock_tracked      boolean        NOT NULL DEFAULT false,
    -- The line this one was made from: quote line -> order line -> delivery line -> invoice line;
    -- an order line for invoice lines of what is not delivered (services); the invoice line a
    -- corrective line corrects.
    source_line_id     uuid,
    -- Progress of an order line (and the invoicing of a delivery line), kept by the service in the
    -- transaction that delivers, invoices or cancels.
    delivered_quantity numeric(14, 4) NOT NULL DEFAULT 0,
    invoiced_quantity  numeric(14, 4) NOT NULL DEFAULT 0,
    reservation_id     uuid,
    version            bigint         NOT NULL DEFAULT 0,
    CONSTRAINT sales_document_line_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT sales_document_line_position_uk UNIQUE (document_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT sales_document_line_document_fk FOREIGN KEY (tenant_id, document_id)
        REFERENCES sales_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT sales_document_line_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT sales_document_line_source_fk FOREIGN KEY (tenant_id, source_line_id)
        REFERENCES sales_document_line (tenant_id, id)
);
CREATE INDEX sales_document_line_document_ix ON sales_document_line (tenant_id, document_id, position);
CREATE INDEX sales_document_line_source_ix ON sales_document_line (tenant_id, source_line_id) WHERE source_line_id IS NOT NULL;
CREATE INDEX sales_document_line_article_ix ON sales_document_line (tenant_id, article_id, document_id) WHERE article_id IS NOT NULL;

-- Which document was made from which (quote -> order -> delivery notes -> invoices; invoice ->
-- corrective): the related documents of a document page, both ways.
CREATE TABLE sales_document_link (
    tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    from_id   uuid NOT NULL,
    to_id     uuid NOT NULL,
    PRIMARY KEY (tenant_id, from_id, to_id),
    CONSTRAINT sales_document_link_from_fk FOREIGN KEY (tenant_id, from_id) REFERENCES sales_document (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT sales_document_link_to_fk FOREIGN KEY (tenant_id, to_id) REFERENCES sales_document (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sales_document_link_to_ix ON sales_document_link (tenant_id, to_id);

-- E-mails sent with a document's PDF: one row each, so that the document's timeline shows them.
CREATE TABLE sales_document_mail (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    document_id uuid        NOT NULL,
    recipient   text        NOT NULL,
    subject     text        NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    sent_by     uuid        DEFAULT nexo_user_id(),
    CONSTRAINT sales_document_mail_document_fk FOREIGN KEY (tenant_id, document_id)
        REFERENCES sales_document (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sales_document_mail_document_ix ON sales_document_mail (tenant_id, document_id);

-- Payments received against issued invoices: what is still open is the total less these.
CREATE TABLE sales_payment (
    id         uuid PRIMARY KEY,
    tenant_id  uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    invoice_id uuid           NOT NULL,
    paid_on    date           NOT NULL,
    amount     numeric(16, 2) NOT NULL CHECK (amount <> 0),
    method     text,
    created_at timestamptz    NOT NULL DEFAULT now(),
    created_by uuid           DEFAULT nexo_user_id(),
    CONSTRAINT sales_payment_invoice_fk FOREIGN KEY (tenant_id, invoice_id) REFERENCES sales_document (tenant_id, id)
);
CREATE INDEX sales_payment_invoice_ix ON sales_payment (tenant_id, invoice_id);

ALTER TABLE sales_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_document FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_document_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_document_line FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_document_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_document_link FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_document_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_document_mail FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_payment FORCE ROW LEVEL SECURITY;

CREATE POLICY sales_document_staff ON sales_document FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY sales_document_line_staff ON sales_document_line FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY sales_document_link_staff ON sales_document_link FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY sales_document_mail_staff ON sales_document_mail FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id() AND sent_by IS NOT DISTINCT FROM nexo_user_id());
CREATE POLICY sales_payment_staff ON sales_payment FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

-- Portal roles: nothing yet (the client portal's own documents come with the portals issue).
GRANT SELECT, INSERT, UPDATE, DELETE ON sales_document, sales_document_line, sales_document_link TO ${staff_role};
-- A sent e-mail and a payment are facts: recorded, never edited.
GRANT SELECT, INSERT ON sales_document_mail, sales_payment TO ${staff_role};

SELECT nexo_track_history('sales_document', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('sales_document_line', 'document_id', ARRAY['version']);
SELECT nexo_track_history('sales_document_mail', 'document_id');
SELECT nexo_track_history('sales_payment', 'invoice_id');

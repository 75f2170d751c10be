-- Client portal (issue 19): a client reads its own account's sales documents (never drafts), their
-- lines, links and payments, and answers its sent quotes once. Everything the company does in reply
-- (the quote made an order, the sales team told) runs afterwards as system work of the tenant
-- (sales.portal.QuoteAnswering), so the client role writes nothing but its answer.

-- One answer per quote: accepted or rejected, with the name the client typed, its comment, when,
-- from which address and by which portal user; the order it became, once made.
CREATE TABLE sales_quote_answer (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    quote_id    uuid        NOT NULL,
    party_id    uuid        NOT NULL DEFAULT nexo_party_id(),
    answer      text        NOT NULL CHECK (answer IN ('ACCEPTED', 'REJECTED')),
    signed_name text        NOT NULL CHECK (btrim(signed_name) <> '' AND length(signed_name) <= 200),
    comment     text        CHECK (length(comment) <= 2000),
    client_ip   text        CHECK (length(client_ip) <= 64),
    answered_by uuid        NOT NULL DEFAULT nexo_user_id(),
    answered_at timestamptz NOT NULL DEFAULT now(),
    order_id    uuid,
    CONSTRAINT sales_quote_answer_once UNIQUE (tenant_id, quote_id),
    CONSTRAINT sales_quote_answer_quote_fk FOREIGN KEY (tenant_id, quote_id) REFERENCES sales_document (tenant_id, id),
    CONSTRAINT sales_quote_answer_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES sales_document (tenant_id, id)
);

-- The tenant's sales settings for the portal: whether an accepted quote becomes an order at once,
-- and where the sales team is told of answers (blank: the quote's salesperson, then the company's
-- address).
CREATE TABLE sales_settings (
    tenant_id               uuid    PRIMARY KEY DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    accepted_quote_to_order boolean NOT NULL DEFAULT true,
    notify_email            text    CHECK (length(notify_email) <= 320),
    version                 bigint  NOT NULL DEFAULT 0
);

ALTER TABLE sales_quote_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_quote_answer FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_settings FORCE ROW LEVEL SECURITY;

CREATE POLICY sales_quote_answer_staff ON sales_quote_answer FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY sales_settings_staff ON sales_settings FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

-- The client's own documents: its account's, numbered (a draft is the company's work in progress;
-- the order an accepted quote became shows once the sales team confirms it).
CREATE POLICY sales_document_client ON sales_document FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND account_id = nexo_party_id() AND status <> 'DRAFT');
-- Lines, links and payments of those documents: the subqueries read sales_document under the same
-- role (so under the policy above), and name the account again so that each stands on its own.
CREATE POLICY sales_document_line_client ON sales_document_line FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM sales_document d
                        WHERE d.tenant_id = sales_document_line.tenant_id AND d.id = sales_document_line.document_id
                          AND d.account_id = nexo_party_id()));
CREATE POLICY sales_document_link_client ON sales_document_link FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM sales_document d
                        WHERE d.tenant_id = sales_document_link.tenant_id AND d.id = sales_document_link.from_id
                          AND d.account_id = nexo_party_id())
           AND EXISTS (SELECT 1 FROM sales_document d
                        WHERE d.tenant_id = sales_document_link.tenant_id AND d.id = sales_document_link.to_id
                          AND d.account_id = nexo_party_id()));
CREATE POLICY sales_payment_client ON sales_payment FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM sales_document d
                        WHERE d.tenant_id = sales_payment.tenant_id AND d.id = sales_payment.invoice_id
                          AND d.account_id = nexo_party_id()));
-- Its answers: read its own; write one, as itself, for its own quote while the quote is sent.
CREATE POLICY sales_quote_answer_client_read ON sales_quote_answer FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY sales_quote_answer_client_write ON sales_quote_answer FOR INSERT TO ${client_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND answered_by = nexo_user_id()
                AND order_id IS NULL
                AND EXISTS (SELECT 1 FROM sales_document d
                             WHERE d.tenant_id = sales_quote_answer.tenant_id AND d.id = sales_quote_answer.quote_id
                               AND d.account_id = nexo_party_id() AND d.kind = 'QUOTE' AND d.status = 'SENT'));

GRANT SELECT ON sales_document, sales_document_line, sales_document_link, sales_payment TO ${client_role};
GRANT SELECT, INSERT ON sales_quote_answer TO ${client_role};
-- Staff reads answers and records the order an accepted quote became; an answer is never edited.
GRANT SELECT ON sales_quote_answer TO ${staff_role};
GRANT UPDATE (order_id) ON sales_quote_answer TO ${staff_role};
GRANT SELECT, INSERT, UPDATE ON sales_settings TO ${staff_role};

-- The portal's lists: one account's numbered documents of a kind, newest first; its invoices and
-- corrective invoices together (the invoices list), whatever the volume of the tenant.
CREATE INDEX sales_document_portal_kind_ix ON sales_document (tenant_id, account_id, kind, document_date DESC, id DESC);
CREATE INDEX sales_document_portal_invoices_ix ON sales_document (tenant_id, account_id, document_date DESC, id DESC)
    WHERE kind IN ('INVOICE', 'CORRECTIVE');

SELECT nexo_track_history('sales_quote_answer', 'quote_id');

-- Sales (issue 13): an invoice record names a sales document that exists, of its own tenant. V40 made
-- the records before the document table was there; the key is composite (tenant_id, invoice_id), so
-- no record can name another tenant's invoice. NO ACTION on delete: an invoice that has a record is
-- issued (or cancelled) and is not deleted anyway (nexo_sales_invoice_frozen() in R__sales_documents),
-- and the record, which is kept for good, must never lose its invoice.
ALTER TABLE sales_billing_record
    ADD CONSTRAINT sales_billing_record_invoice_fk
        FOREIGN KEY (tenant_id, invoice_id) REFERENCES sales_document (tenant_id, id);

-- Sales (issue 13, performance): the invoice list filtered by state, newest first
-- (sales.lists.SalesListQueries, invoices and corrective invoices together). The list's date index
-- (sales_document_invoices_date_ix) serves a common state such as ISSUED, but a rare one (DRAFT,
-- CANCELLED) made the first page walk every invoice of the tenant looking for 51 rows: 36 ms at
-- 20,000 invoices, growing with their number. With the state as the second key the page reads its
-- rows in order and stops, whatever the volume.
CREATE INDEX sales_document_invoices_status_date_ix ON sales_document (tenant_id, status, document_date DESC, id DESC)
    WHERE kind IN ('INVOICE', 'CORRECTIVE');

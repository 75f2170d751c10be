-- The text search of the purchasing lists (purchasing.lists.PurchaseListQueries) goes through
-- nexo_purchase_document_search (R__purchasing_search.sql), as the sales lists' does (V43): under
-- row-level security LIKE is not LEAKPROOF, so a trigram index only serves a query that runs as the
-- owner and filters the tenant itself.
--
-- What the search compares, stored in nexo_search_key's form (lower case, no accents): a document's
-- number, supplier name and the supplier's own reference (its quotation, delivery note or bill
-- number). An RFQ's suppliers are in purchase_rfq_supplier (few rows per RFQ; compared on the fly).
-- The tenant leads the index (btree_gin), so that with many tenants a look-up stays in its tenant.
ALTER TABLE purchase_document ADD COLUMN search_text text
    GENERATED ALWAYS AS (nexo_search_key(coalesce(number, '') || ' ' || coalesce(supplier_name, '') || ' '
                                         || coalesce(supplier_reference, ''))) STORED;

CREATE INDEX purchase_document_search_ix ON purchase_document USING gin (tenant_id, search_text public.gin_trgm_ops);

-- The stored search text is derived: not a change of the document for its history.
DROP TRIGGER purchase_document_history_insert ON purchase_document;
DROP TRIGGER purchase_document_history_update ON purchase_document;
DROP TRIGGER purchase_document_history_delete ON purchase_document;
SELECT nexo_track_history('purchase_document', 'id', ARRAY['updated_at', 'version', 'search_text']);

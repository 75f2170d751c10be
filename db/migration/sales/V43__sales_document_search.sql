-- The text search of the sales lists (sales.lists.SalesListQueries) goes through
-- nexo_sales_document_search (R__sales_search.sql): under row-level security LIKE is not LEAKPROOF,
-- so a trigram index only serves a query that runs as the owner and filters the tenant itself.
--
-- What the search compares, stored in nexo_search_key's form (lower case, no accents): a document's
-- number and client name, a line's article code and description. Stored, because a trigram match is
-- always checked again on the row: computing the form there (unaccent, regexp) cost ~16 µs a row,
-- 230 ms of a common word's 330 ms over 12,500 matching lines; the stored text ~35 ms.
-- The tenant leads each index (btree_gin), so that with many tenants a look-up stays in its tenant.
-- V38's trigram indexes over the raw number and client name served no query (row-level security)
-- and go.
DROP INDEX sales_document_number_search_ix;
DROP INDEX sales_document_client_search_ix;

ALTER TABLE sales_document ADD COLUMN search_text text
    GENERATED ALWAYS AS (nexo_search_key(coalesce(number, '') || ' ' || client_name)) STORED;
ALTER TABLE sales_document_line ADD COLUMN search_text text
    GENERATED ALWAYS AS (nexo_search_key(coalesce(article_code, '') || ' ' || description)) STORED;

CREATE INDEX sales_document_search_ix ON sales_document USING gin (tenant_id, search_text public.gin_trgm_ops);
CREATE INDEX sales_document_line_search_ix ON sales_document_line USING gin (tenant_id, search_text public.gin_trgm_ops);

-- The stored search texts are derived: not changes of the document for its history.
DROP TRIGGER sales_document_history_insert ON sales_document;
DROP TRIGGER sales_document_history_update ON sales_document;
DROP TRIGGER sales_document_history_delete ON sales_document;
DROP TRIGGER sales_document_line_history_insert ON sales_document_line;
DROP TRIGGER sales_document_line_history_update ON sales_document_line;
DROP TRIGGER sales_document_line_history_delete ON sales_document_line;
SELECT nexo_track_history('sales_document', 'id', ARRAY['updated_at', 'version', 'search_text']);
SELECT nexo_track_history('sales_document_line', 'document_id', ARRAY['version', 'search_text']);

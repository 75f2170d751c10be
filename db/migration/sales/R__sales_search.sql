-- The text search of the sales lists (current definition; the indexes are V43's). Repeatable: Flyway
-- runs this file again whenever it changes, after the versioned migrations.
--
-- Under row-level security PostgreSQL turns a condition into an index condition only if its operator
-- is LEAKPROOF, and LIKE is not: a list query with ILIKE reads every document and line of the
-- tenant. nexo_sales_document_search runs as the owner, filters by the context's tenant explicitly
-- and returns only ids; the list (sales.lists.SalesListQueries) keeps its own conditions, order and
-- keyset pages and reads the rows through row-level security as usual, `d.id IN (SELECT ...)`, so a
-- mistake here could still not show another tenant's rows. Keep it this narrow. Only the staff role
-- may execute it; the check of the actor type inside stays as a second wall.
--
-- The ids of the tenant's documents of the given kinds whose number and client name, or a line's
-- article code and description, contain the text (the stored search_text of V43, compared in
-- nexo_search_key's form: case and accents ignored; LIKE's wildcards in the text are taken literally).
-- Every match, no limit: the list pages the result, so a bound here would silently cut pages short.
-- A text of one or two characters has no trigram and reads the tenant's rows (correct, slower).
CREATE OR REPLACE FUNCTION nexo_sales_document_search(p_kinds text[], p_text text)
    RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    ROWS 200
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    pattern text := public.nexo_search_key(p_text);
BEGIN
    IF tenant IS NULL OR coalesce(public.nexo_actor_type(), '') NOT IN ('employee', 'system')
            OR coalesce(pattern, '') = '' OR p_kinds IS NULL THEN
        RETURN;
    END IF;
    pattern := '%' || public.nexo_like_escape(pattern) || '%';
    RETURN QUERY
        SELECT d.id FROM public.sales_document d
         WHERE d.tenant_id = tenant AND d.search_text LIKE pattern AND d.kind = ANY (p_kinds)
        UNION
        SELECT d.id
          FROM (SELECT DISTINCT l.document_id FROM public.sales_document_line l
                 WHERE l.tenant_id = tenant AND l.search_text LIKE pattern) m
          JOIN public.sales_document d ON d.tenant_id = tenant AND d.id = m.document_id
         WHERE d.kind = ANY (p_kinds);
END
$$;

REVOKE ALL ON FUNCTION nexo_sales_document_search(text[], text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_sales_document_search(text[], text) TO ${staff_role};

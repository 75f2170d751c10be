-- The text search of the purchasing lists (current definition; the index is V48's). Repeatable:
-- Flyway runs this file again whenever it changes, after the versioned migrations.
--
-- As nexo_sales_document_search (R__sales_search.sql): under row-level security LIKE is not
-- LEAKPROOF and a list query with ILIKE would read every document of the tenant. This function runs
-- as the owner, filters by the context's tenant explicitly and returns only ids; the list
-- (purchasing.lists.PurchaseListQueries) keeps its own conditions, order and keyset pages and reads
-- the rows through row-level security, `d.id IN (SELECT ...)`, so a mistake here could still not
-- show another tenant's rows. Only the staff role may execute it; the actor type check inside stays
-- as a second wall.
--
-- The ids of the tenant's documents of kind p_kind whose number, supplier name or supplier reference
-- (the stored search_text of V48), or for an RFQ the name of one of its suppliers, contain the text
-- (compared in nexo_search_key's form: case and accents ignored; LIKE's wildcards taken literally).
-- Every match, no limit: the list pages the result.
CREATE OR REPLACE FUNCTION nexo_purchase_document_search(p_kind text, p_text text)
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
            OR coalesce(pattern, '') = '' OR p_kind IS NULL THEN
        RETURN;
    END IF;
    pattern := '%' || public.nexo_like_escape(pattern) || '%';
    RETURN QUERY
        SELECT d.id FROM public.purchase_document d
         WHERE d.tenant_id = tenant AND d.search_text LIKE pattern AND d.kind = p_kind
        UNION
        SELECT s.rfq_id FROM public.purchase_rfq_supplier s
         WHERE p_kind = 'RFQ' AND s.tenant_id = tenant
           AND public.nexo_search_key(s.supplier_name) LIKE pattern;
END
$$;

REVOKE ALL ON FUNCTION nexo_purchase_document_search(text, text)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_purchase_document_search(text, text) TO ${staff_role};

-- The lists' first sizing of a text went through the trigram index; the supplier names' skip scan
-- below (nexo_purchase_document_names_exceed) replaced it.
DROP FUNCTION IF EXISTS nexo_purchase_document_search_exceeds(text, text, integer);

-- Whether the supplier names of the tenant's documents of kind p_kind that contain p_text (as
-- nexo_purchase_document_search compares it) name more than p_limit documents: the lists' first,
-- cheap sizing of a text. A supplier's full or partial name is what matches thousands of documents,
-- and the distinct names of a kind are few: they are read by a skip scan of
-- purchase_document_kind_supplier_ix (one index probe per name, V46), compared, and the documents
-- of the matching names counted on the same index up to p_limit + 1. Such a text is then compared
-- row by row in the list's own order (PurchaseListQueries), which stops once a page is full.
CREATE OR REPLACE FUNCTION nexo_purchase_document_names_exceed(p_kind text, p_text text, p_limit integer)
    RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    pattern text := public.nexo_search_key(p_text);
    names text[];
    found bigint;
BEGIN
    IF tenant IS NULL OR coalesce(public.nexo_actor_type(), '') NOT IN ('employee', 'system')
            OR coalesce(pattern, '') = '' OR p_kind IS NULL OR p_limit IS NULL OR p_limit < 0 THEN
        RETURN false;
    END IF;
    pattern := '%' || public.nexo_like_escape(pattern) || '%';
    WITH RECURSIVE n(name) AS (
        (SELECT d.supplier_name FROM public.purchase_document d
          WHERE d.tenant_id = tenant AND d.kind = p_kind AND d.supplier_name IS NOT NULL
          ORDER BY d.supplier_name LIMIT 1)
        UNION ALL
        SELECT (SELECT d.supplier_name FROM public.purchase_document d
                 WHERE d.tenant_id = tenant AND d.kind = p_kind AND d.supplier_name > n.name
                 ORDER BY d.supplier_name LIMIT 1)
          FROM n WHERE n.name IS NOT NULL)
    SELECT array_agg(n.name) INTO names FROM n
     WHERE n.name IS NOT NULL AND public.nexo_search_key(n.name) LIKE pattern;
    IF names IS NULL THEN
        RETURN false;
    END IF;
    SELECT count(*) INTO found FROM (SELECT 1 FROM public.purchase_document d
                                      WHERE d.tenant_id = tenant AND d.kind = p_kind
                                        AND d.supplier_name = ANY (names) LIMIT p_limit + 1) m;
    RETURN found > p_limit;
END
$$;

REVOKE ALL ON FUNCTION nexo_purchase_document_names_exceed(text, text, integer)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_purchase_document_names_exceed(text, text, integer) TO ${staff_role};

-- At most p_limit of the ids nexo_purchase_document_search(p_kind, p_text) returns for an ORDER,
-- RECEIPT or BILL list (any of them, not an RFQ's suppliers:
-- the caller asks for one more than it takes, and a full answer means "too many"). The lists look a
-- text up once with it: up to their limit they read the documents by these ids, above it they
-- compare the text row by row. One trigram look-up that stops at p_limit rechecked rows, instead of
-- a sizing and then the search. Dynamic SQL, so that each call is planned for its pattern.
CREATE OR REPLACE FUNCTION nexo_purchase_document_search_first(p_kind text, p_text text, p_limit integer)
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
            OR coalesce(pattern, '') = '' OR p_kind IS NULL OR p_limit IS NULL OR p_limit < 0 THEN
        RETURN;
    END IF;
    pattern := '%' || public.nexo_like_escape(pattern) || '%';
    RETURN QUERY EXECUTE
        'SELECT d.id FROM public.purchase_document d'
        ' WHERE d.tenant_id = $1 AND d.search_text LIKE $2 AND d.kind = $3 LIMIT $4'
        USING tenant, pattern, p_kind, p_limit;
END
$$;

REVOKE ALL ON FUNCTION nexo_purchase_document_search_first(text, text, integer)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_purchase_document_search_first(text, text, integer) TO ${staff_role};

-- The CMS full-text search (cms.search.CmsSearch) goes through this narrow SECURITY DEFINER
-- function. Under row-level security PostgreSQL lets a condition become an index condition only if
-- its operator is LEAKPROOF, and the text-search match (@@) is not (only a superuser could mark it):
-- run as the caller, the GIN index on (tenant_id, search) would only narrow to the tenant and every
-- text of the tenant would be matched one by one. Here it runs as the owner, filters explicitly by
-- the context's tenant and by what the actor may read, and returns only ids, languages and ranks; the
-- caller reads titles and excerpts through row-level security as usual (a mistake here still could
-- not show another tenant's rows). Keep it this narrow.
--
-- Who reads what: a portal actor (from its database role, not from a parameter) only published, unexpired
-- items of its audience; an employee, when p_all (the caller's cms.edit), everything of the tenant,
-- otherwise published, unexpired internal items whose roles are empty or shared with p_roles (a
-- document also its folder's reader roles). Spanish texts are matched with both stems of each word
-- (V57): unaccented (nexo_es) or as written (spanish). One hit per item: its best language, p_lang
-- first on ties; best first.
CREATE OR REPLACE FUNCTION nexo_cms_search(
    p_query text, p_kind text, p_lang text, p_all boolean, p_roles uuid[], p_limit integer)
    RETURNS TABLE (hit_item uuid, hit_lang text, hit_rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    -- The actor is the role the caller's transaction switched to, not the nexo.actor_type setting: a
    -- portal transaction that rewrote its setting would still search as its own role.
    actor text := CASE pg_catalog.current_setting('role', true)
                      WHEN '${staff_role}' THEN 'employee'
                      WHEN '${client_role}' THEN 'client'
                      WHEN '${supplier_role}' THEN 'supplier'
                      WHEN '${professional_role}' THEN 'professional'
                      ELSE ''
                  END;
    q_es tsquery;
    q_en tsquery;
    -- The same queries with every phrase loosened to "all these words" (see below).
    w_es tsquery;
    w_en tsquery;
BEGIN
    IF tenant IS NULL OR actor = ''
       OR coalesce(p_limit, 0) <= 0 OR coalesce(btrim(p_query), '') = '' THEN
        RETURN;
    END IF;
    q_es := websearch_to_tsquery('public.nexo_es', p_query) || websearch_to_tsquery('pg_catalog.spanish', p_query);
    q_en := websearch_to_tsquery('public.nexo_en', p_query);
    IF numnode(q_es) = 0 AND numnode(q_en) = 0 THEN
        RETURN;
    END IF;
    -- A phrase ("política de privacidad") is matched on word positions, which the index does not
    -- hold: PostgreSQL would read the vector of every text holding all its words, thousands for common
    -- ones, to find a few phrases. Candidates are therefore gathered by the words alone (the index
    -- answers that without reading a text) and the phrase is checked on those candidates only. Only
    -- without negation: loosening a negated phrase would narrow instead of widen.
    w_es := q_es;
    w_en := q_en;
    IF pg_catalog.strpos(q_es::text || q_en::text, '!') = 0 THEN
        w_es := pg_catalog.regexp_replace(q_es::text, '<(-|[0-9]+)>', '&', 'g')::tsquery;
        w_en := pg_catalog.regexp_replace(q_en::text, '<(-|[0-9]+)>', '&', 'g')::tsquery;
    END IF;
    -- Ranking reads each matching text's whole vector: a word found in half of 100,000 texts would
    -- rank 50,000 of them. Matches are therefore gathered first (the index finds them, the reader's
    -- visibility filters them) up to a bound of 1,000 texts, and only those are ranked: a query that
    -- common returns its best among the first 1,000 texts found, which a second word narrows. A phrase
    -- of common words likewise is looked for among the first 1,000 texts holding all its words.
    RETURN QUERY
    WITH candidate AS (
        SELECT t.item_id, t.lang, t.search
          FROM public.cms_item_text t
          JOIN public.cms_item i ON i.tenant_id = t.tenant_id AND i.id = t.item_id
         WHERE t.tenant_id = tenant
           AND ((t.lang = 'es' AND t.search @@ w_es) OR (t.lang = 'en' AND t.search @@ w_en))
           AND (p_kind IS NULL OR i.kind = p_kind)
           AND CASE WHEN actor = 'employee' AND coalesce(p_all, false) THEN true
                    ELSE i.status = 'PUBLISHED' AND coalesce(i.expire_at, 'infinity') > now()
                         AND CASE actor
                                 WHEN 'client' THEN i.for_clients
                                 WHEN 'supplier' THEN i.for_suppliers
                                 WHEN 'professional' THEN i.for_professionals
                                 ELSE i.for_internal
                                      AND (i.internal_roles = '{}' OR i.internal_roles && coalesce(p_roles, '{}'))
                                      AND (i.folder_id IS NULL OR EXISTS (
                                              SELECT 1 FROM public.cms_folder f
                                               WHERE f.tenant_id = i.tenant_id AND f.id = i.folder_id
                                                 AND f.for_internal
                                                 AND (f.reader_roles = '{}'
                                                      OR f.reader_roles && coalesce(p_roles, '{}'))))
                             END
               END
         LIMIT 1000)
    SELECT m.item_id, m.lang, m.rank
      FROM (SELECT DISTINCT ON (c.item_id) c.item_id, c.lang,
                   ts_rank_cd(c.search, CASE c.lang WHEN 'es' THEN q_es ELSE q_en END) AS rank
              FROM candidate c
             WHERE c.search @@ CASE c.lang WHEN 'es' THEN q_es ELSE q_en END
             ORDER BY c.item_id, rank DESC, (c.lang = p_lang) DESC) m
     ORDER BY m.rank DESC, m.item_id
     LIMIT least(p_limit, 100);
END
$$;

REVOKE ALL ON FUNCTION nexo_cms_search(text, text, text, boolean, uuid[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_cms_search(text, text, text, boolean, uuid[], integer)
    TO ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role};

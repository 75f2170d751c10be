-- Who may find a text of an item in the search (cms_item_text.readers, V67), so that the index
-- narrows a reader's candidates to its audience instead of the search reading and dropping them:
--   'editors'        always (an editor finds everything of the tenant);
--   while the item is published, its audiences:
--   'internal'       every employee: internal, no roles of its own, and not in a folder that limits
--                    its readers;
--   'internal-roles' some employees: internal, but limited to roles (its own or its folder's), which
--                    the search checks for those texts only;
--   'clients', 'suppliers', 'professionals', 'public' as its for_* columns say.
-- Kept by the triggers below: a text takes its item's readers whenever it is written (whatever the
-- writer put there); a change of an item's state, audiences, roles or folder, or of a folder's
-- readers, rewrites its texts. They run as the writer, who may write those texts anyway.
CREATE OR REPLACE FUNCTION nexo_cms_readers(p_item public.cms_item, p_folder public.cms_folder) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT CASE WHEN p_item.status = 'PUBLISHED'
                THEN array_remove(ARRAY['editors',
                                        CASE WHEN NOT p_item.for_internal THEN NULL
                                             WHEN p_item.folder_id IS NOT NULL AND NOT coalesce(p_folder.for_internal, false)
                                                 THEN NULL
                                             WHEN p_item.internal_roles = '{}'
                                                  AND (p_item.folder_id IS NULL OR p_folder.reader_roles = '{}')
                                                 THEN 'internal'
                                             ELSE 'internal-roles' END,
                                        CASE WHEN p_item.for_clients THEN 'clients' END,
                                        CASE WHEN p_item.for_suppliers THEN 'suppliers' END,
                                        CASE WHEN p_item.for_professionals THEN 'professionals' END,
                                        CASE WHEN p_item.for_public THEN 'public' END], NULL)
                ELSE ARRAY['editors'] END
$$;

CREATE OR REPLACE FUNCTION nexo_cms_text_readers() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    NEW.readers := coalesce((SELECT public.nexo_cms_readers(i, f)
                               FROM public.cms_item i
                               LEFT JOIN public.cms_folder f ON f.tenant_id = i.tenant_id AND f.id = i.folder_id
                              WHERE i.tenant_id = NEW.tenant_id AND i.id = NEW.item_id),
                            ARRAY['editors']);
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER cms_item_text_readers BEFORE INSERT OR UPDATE ON cms_item_text
    FOR EACH ROW EXECUTE FUNCTION nexo_cms_text_readers();

-- An item's or a folder's change: its texts are written again, and their trigger above takes the
-- readers as the item and folder now are.
CREATE OR REPLACE FUNCTION nexo_cms_item_readers() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_TABLE_NAME = 'cms_folder' THEN
        UPDATE public.cms_item_text t SET readers = t.readers
          FROM public.cms_item i
         WHERE i.tenant_id = NEW.tenant_id AND i.folder_id = NEW.id
           AND t.tenant_id = i.tenant_id AND t.item_id = i.id;
    ELSE
        UPDATE public.cms_item_text t SET readers = t.readers
         WHERE t.tenant_id = NEW.tenant_id AND t.item_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER cms_item_readers AFTER UPDATE ON cms_item
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.for_internal IS DISTINCT FROM NEW.for_internal
          OR OLD.for_clients IS DISTINCT FROM NEW.for_clients
          OR OLD.for_suppliers IS DISTINCT FROM NEW.for_suppliers
          OR OLD.for_professionals IS DISTINCT FROM NEW.for_professionals
          OR OLD.for_public IS DISTINCT FROM NEW.for_public
          OR OLD.internal_roles IS DISTINCT FROM NEW.internal_roles
          OR OLD.folder_id IS DISTINCT FROM NEW.folder_id)
    EXECUTE FUNCTION nexo_cms_item_readers();

CREATE OR REPLACE TRIGGER cms_folder_readers AFTER UPDATE ON cms_folder
    FOR EACH ROW
    WHEN (OLD.for_internal IS DISTINCT FROM NEW.for_internal
          OR OLD.reader_roles IS DISTINCT FROM NEW.reader_roles)
    EXECUTE FUNCTION nexo_cms_item_readers();

-- The CMS full-text search (cms.search.CmsSearch) goes through this narrow SECURITY DEFINER
-- function. Under row-level security PostgreSQL lets a condition become an index condition only if
-- its operator is LEAKPROOF, and the text-search match (@@) is not (only a superuser could mark it):
-- run as the caller, the GIN index on (tenant_id, readers, search) would only narrow to the tenant and
-- every text of the tenant would be matched one by one. Here it runs as the owner, filters explicitly
-- by the context's tenant and by what the actor may read, and returns only ids, languages and ranks;
-- the caller reads titles and excerpts through row-level security as usual (a mistake here still could
-- not show another tenant's rows). Keep it this narrow.
--
-- Who reads what: a portal actor (from its database role, not from a parameter) only published,
-- unexpired items of its audience; an employee, when p_all (the caller's cms.edit), everything of the
-- tenant, otherwise published, unexpired internal items whose roles are empty or shared with p_roles
-- (a document also its folder's reader roles). The index narrows to the actor's readers tag (see
-- nexo_cms_readers above); only texts limited to roles are checked against the item and its folder.
-- Spanish texts are matched with both stems of each word (V57): unaccented (nexo_es) or as written
-- (spanish). One hit per item: its best language, p_lang first on ties; best first.
CREATE OR REPLACE FUNCTION nexo_cms_search(
    p_query text, p_kind text, p_lang text, p_all boolean, p_roles uuid[], p_limit integer)
    RETURNS TABLE (hit_item uuid, hit_lang text, hit_rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    -- At most 100 hits: the caller's join to the items then looks each one up by its key (taking the
    -- default of 1,000 rows, the planner read a client's every readable item into a hash instead).
    ROWS 100
    SET search_path = pg_catalog, public, pg_temp
    -- The index is the way in: for a common word an editor may read, the planner would rather read
    -- the table until it has its candidates, matching every text's vector on the way (four times
    -- slower than the index at 100,000 items).
    SET enable_seqscan = off
    -- Planned for each call's words and actor: a plan kept for any words (after five calls) gathers
    -- a common word through the index, twice as slow as walking the tenant's texts for it.
    SET plan_cache_mode = force_custom_plan
    -- Set for the call only (see below).
    SET enable_indexscan = on
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
    editor boolean := actor = 'employee' AND coalesce(p_all, false);
    -- The readers tags of the texts the actor may find.
    audience text[] := CASE actor
                           WHEN 'employee' THEN CASE WHEN editor THEN ARRAY['editors']
                                                     ELSE ARRAY['internal', 'internal-roles'] END
                           WHEN 'client' THEN ARRAY['clients']
                           WHEN 'supplier' THEN ARRAY['suppliers']
                           WHEN 'professional' THEN ARRAY['professionals']
                       END;
    q_es tsquery;
    q_en tsquery;
    -- Both languages' queries in one, with every phrase loosened to "all these words" (see below).
    wide tsquery;
    negated boolean;
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
    -- Candidates are gathered by the index alone, with one query for both languages: a condition per
    -- language would need each text's language, which the index does not hold, and PostgreSQL would
    -- read and decompress every candidate's vector to check it. A text that matched only the other
    -- language's reading of the words ranks 0 below and is left out.
    -- A phrase ("política de privacidad") is matched on word positions, which the index does not hold
    -- either: PostgreSQL would read the vector of every text holding all its words, thousands for
    -- common ones, to find a few phrases. Candidates are therefore gathered by the words alone and the
    -- phrase is checked by the ranking (no cover, rank 0). Only without negation: loosening a negated
    -- phrase would narrow instead of widen; a negated query is checked with @@ as well, since a rank
    -- ignores negation.
    -- For one word the planner chooses well between the index of words (rare words) and walking the
    -- tenant's texts in key order until it has its candidates (common words). For several words or a
    -- phrase it misjudges the walk: it takes each text's match as cheap, and the walk reads many
    -- texts per candidate. The index of words is then the only way in (for this call only).
    IF numnode(q_en) > 1 OR numnode(q_es) > 3 THEN
        PERFORM pg_catalog.set_config('enable_indexscan', 'off', true);
    END IF;
    negated := pg_catalog.strpos(q_es::text || q_en::text, '!') > 0;
    wide := q_es || q_en;
    IF NOT negated THEN
        wide := pg_catalog.regexp_replace(wide::text, '<(-|[0-9]+)>', '&', 'g')::tsquery;
    END IF;
    -- Ranking reads each matching text's whole vector: a word found in half of 100,000 texts would
    -- rank 50,000 of them. Matches are therefore gathered first (the index finds them among the texts
    -- of the reader's readers tags) up to a bound of 500 texts, and only those are ranked: a query that
    -- common returns its best among the first 500 texts found, which a second word narrows. A phrase
    -- of common words likewise is looked for among the first 500 texts holding all its words. (At
    -- 100,000 items a bound of 1,000 kept an editor's common word near 60 ms at p95.)
    -- Items published and expired since the schedule last ran are few and left out at the end.
    RETURN QUERY
    WITH candidate AS (
        SELECT t.item_id, t.lang, t.search
          FROM public.cms_item_text t
         WHERE t.tenant_id = tenant
           AND t.readers && audience
           AND t.search @@ wide
           AND (p_kind IS NULL OR EXISTS (
                   SELECT 1 FROM public.cms_item i
                    WHERE i.tenant_id = t.tenant_id AND i.id = t.item_id AND i.kind = p_kind))
           AND (editor OR actor <> 'employee' OR 'internal' = ANY (t.readers) OR EXISTS (
                   SELECT 1 FROM public.cms_item i
                     LEFT JOIN public.cms_folder f ON f.tenant_id = i.tenant_id AND f.id = i.folder_id
                    WHERE i.tenant_id = t.tenant_id AND i.id = t.item_id
                      AND (i.internal_roles = '{}' OR i.internal_roles && coalesce(p_roles, '{}'))
                      AND (f.id IS NULL OR f.reader_roles = '{}' OR f.reader_roles && coalesce(p_roles, '{}'))))
         LIMIT 500),
    -- Materialized, so that each vector is ranked once (not again for the sort).
    ranked AS MATERIALIZED (
        SELECT c.item_id, c.lang,
               ts_rank_cd(c.search, CASE c.lang WHEN 'es' THEN q_es ELSE q_en END) AS rank,
               NOT negated OR c.search @@ CASE c.lang WHEN 'es' THEN q_es ELSE q_en END AS matched
          FROM candidate c)
    SELECT m.item_id, m.lang, m.rank
      FROM (SELECT DISTINCT ON (r.item_id) r.item_id, r.lang, r.rank
              FROM ranked r
             WHERE r.rank > 0 AND r.matched
             ORDER BY r.item_id, r.rank DESC, (r.lang = p_lang) DESC) m
     WHERE editor OR m.item_id <> ALL (ARRAY(
               SELECT i.id FROM public.cms_item i
                WHERE i.tenant_id = tenant AND i.status = 'PUBLISHED' AND i.expire_at <= now()))
     ORDER BY m.rank DESC, m.item_id
     LIMIT least(p_limit, 100);
END
$$;

REVOKE ALL ON FUNCTION nexo_cms_search(text, text, text, boolean, uuid[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_cms_search(text, text, text, boolean, uuid[], integer)
    TO ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role};

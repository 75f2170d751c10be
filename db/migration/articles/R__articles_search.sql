-- The article quick search and the dictionary of article name words (current definitions; first
-- created by V16). Repeatable: Flyway runs this file again whenever it changes, after the versioned
-- migrations. The shared pieces it builds on are in base/R__base_search.sql; why the search goes in
-- tiers is in DECISIONS.md ("Article quick search in tiers").

-- The names of articles feed the tenant's dictionary of name words (kind 'article').
CREATE OR REPLACE TRIGGER article_words_insert AFTER INSERT ON article
    REFERENCING NEW TABLE AS nexo_search_word_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_search_word_capture('article', 'name_es', 'name_en');
CREATE OR REPLACE TRIGGER article_words_update AFTER UPDATE ON article
    REFERENCING NEW TABLE AS nexo_search_word_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_search_word_capture('article', 'name_es', 'name_en');

-- The quick search of articles. Like nexo_account_search: runs as the owner, filters explicitly by
-- the context's tenant, answers employees and system work only, and returns ids (the caller reads
-- the rows under row-level security). p_text is the search as typed; p_archived NULL means active
-- and archived, otherwise only those whose archived state it names. Returns at most p_limit ids
-- with the tier's score (1 exact code or barcode, 0.9 code prefix, 0.8 whole words, 0.7 word
-- starts, 0.5 typos or parts of words) and the position the list shows them in (tiers in order;
-- codes in index order within tier 0, by code within the others). Each word tier reads at most
-- max(limit, 200) matches as the index gives them and keeps the first of those by code: a common
-- word never sorts all its matches.
CREATE OR REPLACE FUNCTION nexo_article_search(p_text text, p_archived boolean, p_limit integer, p_threshold real)
    RETURNS TABLE (id uuid, score real, ordinal integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    wanted integer := greatest(coalesce(p_limit, 0), 0);
    -- At most 200 characters: a tsquery lexeme cannot exceed 2 KB, and no code or name is longer.
    typed text := left(btrim(coalesce(p_text, '')), 200);
    archived_filter text := CASE WHEN p_archived IS NULL THEN ''
                                 ELSE ' AND (a.status = ''archived'') = $3' END;
    words text[];
    v_word text;
    corrections text[];
    terms text[] := '{}';
    term text;
    exact text := '';
    prefixes text := '';
    fuzzy text;
    identified boolean := false;
    tier integer;
    hits uuid[] := '{}';
    more uuid[];
BEGIN
    IF tenant IS NULL OR coalesce(public.nexo_actor_type(), '') NOT IN ('employee', 'system') THEN
        RETURN;
    END IF;
    IF typed = '' OR wanted = 0 THEN
        RETURN;
    END IF;

    -- Tier 0: a code (case ignored) or a barcode, then codes that begin with the text, in the order
    -- of the code index.
    IF typed !~ '\s' THEN
        EXECUTE 'SELECT array_agg(a.id) FROM public.article a'
            || ' WHERE a.tenant_id = $1 AND (lower(a.code) = lower($2) OR a.barcode = $2)' || archived_filter
            INTO more USING tenant, typed, p_archived;
        more := coalesce(more[1:wanted], '{}');
        identified := cardinality(more) > 0;
        RETURN QUERY SELECT f, 1::real, n::integer FROM unnest(more) WITH ORDINALITY AS u (f, n);
        hits := more;
        IF cardinality(hits) < wanted THEN
            EXECUTE 'SELECT array_agg(c.id) FROM (SELECT a.id FROM public.article a'
                || ' WHERE a.tenant_id = $1 AND lower(a.code) LIKE $2 AND NOT a.id = ANY ($4)' || archived_filter
                || ' ORDER BY a.tenant_id, lower(a.code) USING OPERATOR(pg_catalog.~<~) LIMIT $5) c'
                INTO more
                USING tenant, public.nexo_like_escape(lower(typed)) || '%', p_archived, hits,
                      wanted - cardinality(hits);
            more := coalesce(more, '{}');
            RETURN QUERY SELECT f, 0.9::real, (cardinality(hits) + n)::integer
                           FROM unnest(more) WITH ORDINALITY AS u (f, n);
            hits := hits || more;
        END IF;
        IF cardinality(hits) >= wanted THEN
            RETURN;
        END IF;
    END IF;

    SELECT array_agg(k ORDER BY n) INTO words
      FROM (SELECT public.nexo_search_key(w) AS k, n
              FROM unnest(regexp_split_to_array(typed, '\s+')) WITH ORDINALITY AS u (w, n)) normalized
     WHERE k <> '';
    IF words IS NULL THEN
        RETURN;
    END IF;
    words := words[1:6];
    FOREACH v_word IN ARRAY words LOOP
        exact := exact || CASE WHEN exact = '' THEN '' ELSE ' & ' END || public.nexo_tenant_lexeme(tenant, v_word);
        term := public.nexo_search_word_term(tenant, 'article', v_word);
        terms := terms || term;
        prefixes := prefixes || CASE WHEN prefixes = '' THEN '' ELSE ' & ' END || term;
    END LOOP;

    FOR tier IN 1 .. 3 LOOP
        IF tier = 3 THEN
            -- A code or barcode typed exactly identifies the article: no guessing around it.
            IF identified THEN
                RETURN;
            END IF;
            PERFORM set_config('pg_trgm.similarity_threshold', p_threshold::text, true);
            fuzzy := '';
            FOR i IN 1 .. cardinality(words) LOOP
                v_word := words[i];
                corrections := public.nexo_search_word_corrections(tenant, 'article', v_word);
                term := terms[i];
                IF corrections IS NOT NULL THEN
                    SELECT term || string_agg(' | ' || public.nexo_tenant_lexeme(tenant, c), '') INTO term
                      FROM unnest(corrections) AS c;
                END IF;
                term := format('public.nexo_tenant_search_words(a.tenant_id, a.search_text) @@ %L::tsquery', term);
                IF corrections IS NULL AND terms[i] LIKE '%:*' AND length(v_word) >= 3 THEN
                    term := format('(%s OR a.search_text LIKE %L)', term,
                        '%' || public.nexo_like_escape(v_word) || '%');
                END IF;
                fuzzy := fuzzy || ' AND ' || term;
            END LOOP;
        END IF;
        EXECUTE 'SELECT array_agg(m.id ORDER BY m.code, m.id) FROM ('
            || 'SELECT c.id, c.code FROM (SELECT a.id, a.code FROM public.article a'
            -- The words are the tenant's by their tag; the tenant is checked on each row as well,
            -- written so that the planner does not AND in the tenant's whole id index.
            || ' WHERE a.tenant_id::text = $1::text AND NOT a.id = ANY ($2)' || archived_filter
            || CASE tier
                   WHEN 1 THEN ' AND public.nexo_tenant_search_words(a.tenant_id, a.search_text) @@ $5::tsquery'
                   WHEN 2 THEN ' AND public.nexo_tenant_search_words(a.tenant_id, a.search_text) @@ $6::tsquery'
                   ELSE fuzzy END
            || ' LIMIT greatest($4, 200)) c ORDER BY c.code, c.id LIMIT $4) m'
            INTO more
            USING tenant, hits, p_archived, wanted - cardinality(hits), exact, prefixes;
        more := coalesce(more, '{}');
        RETURN QUERY SELECT f, (CASE tier WHEN 1 THEN 0.8 WHEN 2 THEN 0.7 ELSE 0.5 END)::real,
                            (cardinality(hits) + n)::integer
                       FROM unnest(more) WITH ORDINALITY AS u (f, n);
        hits := hits || more;
        IF cardinality(hits) >= wanted THEN
            RETURN;
        END IF;
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION nexo_article_search(text, boolean, integer, real)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_article_search(text, boolean, integer, real) TO ${staff_role};

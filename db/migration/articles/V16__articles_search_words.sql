-- Article quick search in under 50 ms over 200,000 articles (issue 5), with the tiers of the accounts
-- search (V14) and the pieces of it that any module's search can share.
--
-- The V13 search matched every word as `search_text LIKE '%word%' OR word <% search_text` straight
-- under row-level security: neither operator is leakproof, so no index was used and a search with a
-- typo ("tornilo m8") read and scored all 200,000 rows (1.2 s). Now a narrow SECURITY DEFINER
-- function returns ids in tiers, the likely and cheap ones first, and stops when the page is full:
--   0. the text as a code (exact, case ignored) or an EAN-13 barcode, then as the start of codes
--      (one word only: codes have no spaces);
--   1. every word is a whole word of the article (code, Spanish and English name, barcode);
--   2. every word begins one (a word of letters that begins at most 50 name words of the tenant is
--      looked up as those whole words);
--   3. only when no code or barcode matched exactly: each word also as a typo corrected through the
--      tenant's dictionary of article name words or, correcting to nothing, as a part of the text.
--
-- Shared with other modules (new here, used by articles; accounts keep their V14 table and
-- functions, see DECISIONS.md):
--   search_word                       one per-tenant dictionary of name words, keyed by kind;
--   nexo_search_word_capture()        the statement trigger that fills it for any table;
--   nexo_name_words(text)             which words of a name go into it;
--   nexo_tenant_search_words(...)     the word index of a search text, each word tagged with the
--                                     tenant, and nexo_tenant_lexeme(...) to query it;
--   nexo_search_word_term(...)        a word as a tier-2 tsquery term (expanded or a prefix);
--   nexo_search_word_corrections(...) the dictionary words a typo may stand for;
--   nexo_like_escape(text)            a word escaped for LIKE patterns.
-- These build on V14's nexo_search_words(text) and nexo_tsquery_lexeme(text).

-- The words of a name that a dictionary keeps: lower case without accents, split at anything but
-- letters and digits, three characters or more, not only digits.
CREATE FUNCTION nexo_name_words(p_text text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT w), '{}')
      FROM unnest(string_to_array(
               regexp_replace(coalesce(public.nexo_search_key(p_text), ''), '[^[:alnum:]]+', ' ', 'g'), ' ')) AS w
     WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
$$;

GRANT EXECUTE ON FUNCTION nexo_name_words(text) TO ${app_role};

-- The distinct name words of a tenant's records of one kind ('article', ...): small, so a typo is
-- corrected by a trigram look-up over it instead of over every record. Words are added by
-- nexo_search_word_capture and never removed (a word no record has any more only costs a look-up
-- that finds nothing).
CREATE TABLE search_word (
    tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    kind      text NOT NULL CHECK (kind ~ '^[a-z_]{1,30}$'),
    word      text NOT NULL,
    PRIMARY KEY (tenant_id, kind, word)
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (tenant_id, kind, word gin_trgm_ops);

ALTER TABLE search_word ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_word FORCE ROW LEVEL SECURITY;
CREATE POLICY search_word_staff ON search_word FOR ALL
    USING (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND nexo_actor_type() IN ('employee', 'system'));
GRANT SELECT, INSERT ON search_word TO ${app_role};

-- Statement-level trigger for any table with tenant_id: TG_ARGV[0] is the kind, the other arguments
-- the name columns whose words go into the dictionary. The new rows come as the transition table
-- nexo_search_word_new, so a bulk insert adds its words in one statement. Runs as the caller: the
-- row-level security policy keeps the words in the caller's tenant.
CREATE FUNCTION nexo_search_word_capture() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    columns text := '';
BEGIN
    FOR i IN 1 .. TG_NARGS - 1 LOOP
        columns := columns || format(', n.%I', TG_ARGV[i]);
    END LOOP;
    EXECUTE format(
        'INSERT INTO public.search_word (tenant_id, kind, word)'
        ' SELECT DISTINCT n.tenant_id, %L, w'
        '   FROM nexo_search_word_new n, unnest(public.nexo_name_words(concat_ws('' ''%s))) AS w'
        ' ON CONFLICT DO NOTHING', TG_ARGV[0], columns);
    RETURN NULL;
END
$$;

-- A word (normalised by nexo_search_key) as a tsquery term of nexo_tenant_search_words for "begins
-- a word": a word of letters
-- that begins at most 50 dictionary words of the tenant stands for those words, looked up whole (a
-- GIN prefix match `word:*` merges every matching entry and costs about four times as much); any
-- other word is a prefix match. Not granted to the application role: the search functions call it
-- with the context's tenant.
-- The words of a search text (V14's nexo_search_words) each prefixed with the tenant's id: a GIN
-- index over it keeps one posting list per tenant and word. Measured on 200,000 articles, the V14
-- form (tenant_id, nexo_search_words(search_text)) read the tenant's posting list of every row with
-- each look-up: 17-27 ms and ~450 pages even for a word that matches nothing; the tagged words
-- answer in 1-2 ms and, with many tenants, never read another tenant's entries.
CREATE FUNCTION nexo_tenant_search_words(p_tenant uuid, p_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000
AS $$
    SELECT array_to_tsvector(ARRAY(
        SELECT p_tenant::text || '/' || w FROM unnest(tsvector_to_array(public.nexo_search_words(p_text))) AS w))
$$;

-- A word of a tenant as a quoted tsquery lexeme for that index.
CREATE FUNCTION nexo_tenant_lexeme(p_tenant uuid, p_word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.nexo_tsquery_lexeme(p_tenant::text || '/' || p_word) $$;

GRANT EXECUTE ON FUNCTION nexo_tenant_search_words(uuid, text), nexo_tenant_lexeme(uuid, text) TO ${app_role};

CREATE FUNCTION nexo_search_word_term(p_tenant uuid, p_kind text, p_word text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, public
AS $$
DECLARE
    expansions text[];
BEGIN
    IF length(p_word) >= 3 AND p_word ~ '^[[:alpha:]]+$' THEN
        SELECT array_agg(d.word) INTO expansions
          FROM (SELECT s.word FROM public.search_word s
                 WHERE s.tenant_id = p_tenant AND s.kind = p_kind AND s.word LIKE p_word || '%'
                 LIMIT 51) d;
    END IF;
    IF expansions IS NOT NULL AND cardinality(expansions) <= 50 THEN
        RETURN (SELECT '(' || string_agg(public.nexo_tenant_lexeme(p_tenant, e), ' | ') || ')'
                  FROM unnest(expansions) AS e);
    END IF;
    RETURN public.nexo_tenant_lexeme(p_tenant, p_word) || ':*';
END
$$;

-- At most five dictionary words of the tenant that a word of three letters or more may be a typo of
-- (trigram similarity at least pg_trgm.similarity_threshold, which the caller sets), closest
-- first; NULL when none.
CREATE FUNCTION nexo_search_word_corrections(p_tenant uuid, p_kind text, p_word text) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, public
AS $$
    SELECT array_agg(d.word)
      FROM (SELECT s.word FROM public.search_word s
             WHERE length(p_word) >= 3 AND s.tenant_id = p_tenant AND s.kind = p_kind
               AND s.word OPERATOR(public.%) p_word
             ORDER BY s.word OPERATOR(public.<->) p_word, s.word
             LIMIT 5) d
$$;

-- A word with LIKE's wildcards and escape character escaped (the pattern adds its own % around it).
CREATE FUNCTION nexo_like_escape(p_word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT replace(replace(replace(p_word, '\', '\\'), '%', '\%'), '_', '\_') $$;

REVOKE ALL ON FUNCTION nexo_search_word_term(uuid, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION nexo_search_word_corrections(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_like_escape(text) TO ${app_role};

-- Articles: the word index over V13's search text, and the dictionary of their names.
CREATE INDEX article_search_words_idx ON article USING gin (nexo_tenant_search_words(tenant_id, search_text));

CREATE TRIGGER article_words_insert AFTER INSERT ON article
    REFERENCING NEW TABLE AS nexo_search_word_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_search_word_capture('article', 'name_es', 'name_en');
CREATE TRIGGER article_words_update AFTER UPDATE ON article
    REFERENCING NEW TABLE AS nexo_search_word_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_search_word_capture('article', 'name_es', 'name_en');

INSERT INTO search_word (tenant_id, kind, word)
SELECT DISTINCT a.tenant_id, 'article', w
  FROM article a, unnest(nexo_name_words(a.name_es || ' ' || a.name_en)) AS w
ON CONFLICT DO NOTHING;

-- The quick search of articles. Like nexo_account_search: runs as the owner, filters explicitly by
-- the context's tenant, answers employees and system work only, and returns ids (the caller reads
-- the rows under row-level security). p_text is the search as typed; p_archived NULL means active
-- and archived, otherwise only those whose archived state it names. Returns at most p_limit ids
-- with the tier's score (1 exact code or barcode, 0.9 code prefix, 0.8 whole words, 0.7 word
-- starts, 0.5 typos or parts of words) and the position the list shows them in (tiers in order;
-- codes in index order within tier 0, by code within the others). Each word tier reads at most
-- max(limit, 200) matches as the index gives them and keeps the first of those by code: a common
-- word never sorts all its matches.
CREATE FUNCTION nexo_article_search(p_text text, p_archived boolean, p_limit integer, p_threshold real)
    RETURNS TABLE (id uuid, score real, ordinal integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
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

REVOKE ALL ON FUNCTION nexo_article_search(text, boolean, integer, real) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_article_search(text, boolean, integer, real) TO ${app_role};

ANALYZE article;
ANALYZE search_word;

-- Search pieces that every module's search shares (current definitions; first created by V7, V14
-- and V16). Repeatable: Flyway runs this file again whenever it changes, after the versioned
-- migrations.
--
--   nexo_unaccent(text), nexo_search_key(text)  the form text is compared in;
--   nexo_search_words(text)                      the words of a search text, as a tsvector;
--   nexo_tsquery_lexeme(text)                    a word as a quoted tsquery lexeme;
--   nexo_like_escape(text)                       a word escaped for LIKE patterns;
--   search_word (table of V16)                   one per-tenant dictionary of name words, by kind;
--   nexo_name_words(text)                        which words of a name go into it;
--   nexo_search_word_capture()                   the statement trigger that fills it for any table;
--   nexo_tenant_search_words(...), nexo_tenant_lexeme(...)
--                                                the word index of a search text, each word tagged
--                                                with the tenant, and how to query it;
--   nexo_search_word_term(...)                   a word as a "begins a word" tsquery term;
--   nexo_search_word_corrections(...)            the dictionary words a typo may stand for.
--
-- The IMMUTABLE functions here feed generated columns and expression indexes (account.name_key and
-- search_text, article.search_text, the word indexes). Changing what one of them returns needs a
-- versioned migration that recomputes those columns and rebuilds those indexes; a change here alone
-- would leave stored values computed the old way.
--
-- The pure functions have SQL-standard bodies (RETURN ...), bound when created: no search path of a
-- caller changes what they call, and the planner still inlines them (a SET search_path clause would
-- stop that). The others run with a fixed search path, pg_temp last.

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index or a
-- generated column. This wrapper names the dictionary explicitly and is declared IMMUTABLE: if the
-- dictionary ever changes, the indexes that use it must be rebuilt (REINDEX), which is acceptable.
CREATE OR REPLACE FUNCTION nexo_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- The form text is compared in: lower case, no accents, single spaces.
CREATE OR REPLACE FUNCTION nexo_search_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN btrim(regexp_replace(lower(public.nexo_unaccent($1)), '\s+', ' ', 'g'));

-- The words of a search text (already normalised by nexo_search_key): each word as written
-- ("s.l.", "info12@x.example") and its alphanumeric parts ("s", "l", "info12", "x", "example").
-- COST 1000 (it really costs ~30 µs a row): with the default cost the planner walked the name
-- index evaluating it on 13,000 rows for a common word instead of using the GIN index over it.
CREATE OR REPLACE FUNCTION nexo_search_words(p_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000
RETURN array_to_tsvector(array_remove(string_to_array(
           p_text || ' ' || regexp_replace(p_text, '[^[:alnum:]]+', ' ', 'g'), ' '), ''));

-- A word as a tsquery lexeme (quoted, so punctuation is part of it).
CREATE OR REPLACE FUNCTION nexo_tsquery_lexeme(p_word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN '''' || replace(replace(p_word, '\', '\\'), '''', '''''') || '''';

-- A word with LIKE's wildcards and escape character escaped (the pattern adds its own % around it).
CREATE OR REPLACE FUNCTION nexo_like_escape(p_word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN replace(replace(replace(p_word, '\', '\\'), '%', '\%'), '_', '\_');

-- The words of a name that a dictionary keeps: lower case without accents, split at anything but
-- letters and digits, three characters or more, not only digits.
CREATE OR REPLACE FUNCTION nexo_name_words(p_text text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT coalesce(array_agg(DISTINCT w), '{}')
          FROM unnest(string_to_array(
                   regexp_replace(coalesce(public.nexo_search_key(p_text), ''), '[^[:alnum:]]+', ' ', 'g'), ' ')) AS w
         WHERE length(w) >= 3 AND w !~ '^[0-9]+$');

-- Statement-level trigger for any table with tenant_id: TG_ARGV[0] is the kind, the other arguments
-- the name columns whose words go into the dictionary. The new rows come as the transition table
-- nexo_search_word_new, so a bulk insert adds its words in one statement. Runs as the owner (the
-- dictionary is derived data no application role may write): each word goes to the tenant of the row
-- it comes from, which row-level security checked when that row was written.
CREATE OR REPLACE FUNCTION nexo_search_word_capture() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
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

-- The words of a search text (nexo_search_words) each prefixed with the tenant's id: a GIN index
-- over it keeps one posting list per tenant and word. Measured on 200,000 articles, the form
-- (tenant_id, nexo_search_words(search_text)) read the tenant's posting list of every row with each
-- look-up: 17-27 ms and ~450 pages even for a word that matches nothing; the tagged words answer in
-- 1-2 ms and, with many tenants, never read another tenant's entries.
CREATE OR REPLACE FUNCTION nexo_tenant_search_words(p_tenant uuid, p_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000
RETURN array_to_tsvector(ARRAY(
           SELECT p_tenant::text || '/' || w FROM unnest(tsvector_to_array(public.nexo_search_words(p_text))) AS w));

-- A word of a tenant as a quoted tsquery lexeme for that index.
CREATE OR REPLACE FUNCTION nexo_tenant_lexeme(p_tenant uuid, p_word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN public.nexo_tsquery_lexeme(p_tenant::text || '/' || p_word);

-- A word (normalised by nexo_search_key) as a tsquery term of nexo_tenant_search_words for "begins
-- a word": a word of letters that begins at most 50 dictionary words of the tenant stands for those
-- words, looked up whole (a GIN prefix match `word:*` merges every matching entry and costs about
-- four times as much); any other word is a prefix match. Granted to no one: the search functions,
-- which run as the owner, call it with the context's tenant.
CREATE OR REPLACE FUNCTION nexo_search_word_term(p_tenant uuid, p_kind text, p_word text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, public, pg_temp
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
-- first; NULL when none. Granted to no one, like nexo_search_word_term.
CREATE OR REPLACE FUNCTION nexo_search_word_corrections(p_tenant uuid, p_kind text, p_word text) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT array_agg(d.word)
      FROM (SELECT s.word FROM public.search_word s
             WHERE length(p_word) >= 3 AND s.tenant_id = p_tenant AND s.kind = p_kind
               AND s.word OPERATOR(public.%) p_word
             ORDER BY s.word OPERATOR(public.<->) p_word, s.word
             LIMIT 5) d
$$;

REVOKE ALL ON FUNCTION nexo_search_word_term(uuid, text, text), nexo_search_word_corrections(uuid, text, text),
                       nexo_search_word_capture()
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};

-- The staff's writes compute generated columns and index expressions with these, and its queries
-- compare with them. (PUBLIC may execute them too, PostgreSQL's default for a function; the grant
-- says who depends on them.)
GRANT EXECUTE ON FUNCTION nexo_unaccent(text), nexo_search_key(text), nexo_search_words(text),
    nexo_tsquery_lexeme(text), nexo_like_escape(text), nexo_name_words(text),
    nexo_tenant_search_words(uuid, text), nexo_tenant_lexeme(uuid, text)
    TO ${staff_role};

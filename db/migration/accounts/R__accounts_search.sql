-- The accounts quick search and duplicate look-ups (current definitions; first created by V7, V8
-- and V14). Repeatable: Flyway runs this file again whenever it changes, after the versioned
-- migrations. Shared pieces (nexo_search_key, nexo_search_words, ...) are in base/R__base_search.sql.
--
-- nexo_tax_id_key and nexo_account_search_text feed the stored columns account.tax_id_key and
-- search_text: changing what they return needs a versioned migration that recomputes the columns.

-- A tax id as compared for duplicates: upper case letters and digits only ("b-12.345.678" = "B12345678").
CREATE OR REPLACE FUNCTION nexo_tax_id_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN nullif(regexp_replace(upper($1), '[^A-Z0-9]', '', 'g'), '');

-- Everything the quick search looks at, in one text: name, code, tax id, e-mails and phones (also
-- as bare digits, so "976554433" finds "+34 976 55 44 33").
CREATE OR REPLACE FUNCTION nexo_account_search_text(
        p_code text, p_legal_name text, p_trade_name text, p_tax_id text, p_emails text[], p_phones text[])
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN public.nexo_search_key(
    coalesce(p_code, '') || ' ' || coalesce(p_legal_name, '') || ' ' || coalesce(p_trade_name, '')
    || ' ' || coalesce(p_tax_id, '') || ' ' || coalesce(public.nexo_tax_id_key(p_tax_id), '')
    || ' ' || coalesce(array_to_string(p_emails, ' '), '')
    || ' ' || coalesce(array_to_string(p_phones, ' '), '')
    || ' ' || coalesce(array_to_string(
                  ARRAY(SELECT regexp_replace(phone, '[^0-9]', '', 'g') FROM unnest(p_phones) AS phone), ' '), ''));

-- The dictionary words of an account's names (account_search_word: the distinct words of the
-- tenant's account names, so that a typo is corrected by a trigram look-up over a small table).
CREATE OR REPLACE FUNCTION nexo_account_name_words(p_legal_name text, p_trade_name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT coalesce(array_agg(DISTINCT w), '{}')
          FROM unnest(string_to_array(regexp_replace(
                   coalesce(public.nexo_search_key(p_legal_name), '') || ' '
                   || coalesce(public.nexo_search_key(p_trade_name), ''), '[^[:alnum:]]+', ' ', 'g'), ' ')) AS w
         WHERE length(w) >= 3 AND w !~ '^[0-9]+$');

-- Statement-level, so the generator's 50,000-row inserts add their words in one statement. Runs
-- as the owner (the dictionary is derived data no application role may write): each word goes to
-- the tenant of the account it comes from, which row-level security checked when it was written.
CREATE OR REPLACE FUNCTION nexo_account_words_capture() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    INSERT INTO public.account_search_word (tenant_id, word)
    SELECT DISTINCT n.tenant_id, w
      FROM nexo_account_words_new n, unnest(public.nexo_account_name_words(n.legal_name, n.trade_name)) AS w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER account_words_insert AFTER INSERT ON account
    REFERENCING NEW TABLE AS nexo_account_words_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_account_words_capture();
CREATE OR REPLACE TRIGGER account_words_update AFTER UPDATE ON account
    REFERENCING NEW TABLE AS nexo_account_words_new
    FOR EACH STATEMENT EXECUTE FUNCTION nexo_account_words_capture();

-- Quick search and duplicate look-ups go through two narrow SECURITY DEFINER functions. Under
-- row-level security PostgreSQL lets a query condition become an index condition only if its
-- operator is LEAKPROOF; LIKE, pg_trgm's <% and %, the text-search match and the array operators are
-- not (only a superuser could mark them), so under RLS the search indexes would never be used. These
-- functions run as the owner, filter explicitly by the context's tenant and return only ids (and a
-- score); the caller then reads the rows through row-level security as usual, so a mistake here could
-- still not show another tenant's rows. Keep them this narrow. Only the staff role may execute them;
-- the check of the actor type inside stays as a second wall.

-- The search in tiers over the word index (see DECISIONS.md, "Accounts quick search in tiers"):
-- words are plain text (the function escapes them for LIKE itself). The score is the tier: 1 when
-- every word is a word of the account, 0.75 when every word begins one, 0.5 with typos or parts of
-- words. Each tier reads at most max(limit, 200) matches as the index gives them (no sort over every
-- match of a common word) and returns the first of those by name.
CREATE OR REPLACE FUNCTION nexo_account_search(p_words text[], p_archived boolean, p_limit integer, p_threshold real)
    RETURNS TABLE (id uuid, score real)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    wanted integer := greatest(coalesce(p_limit, 0), 0);
    words text[];
    v_word text;
    expansions text[];
    corrections text[];
    terms text[] := '{}';
    term text;
    exact text := '';
    prefixes text := '';
    fuzzy text := '';
    tier integer;
    hits uuid[] := '{}';
    more uuid[];
BEGIN
    IF tenant IS NULL OR coalesce(public.nexo_actor_type(), '') NOT IN ('employee', 'system') THEN
        RETURN;
    END IF;
    SELECT array_agg(k ORDER BY n) INTO words
      FROM (SELECT public.nexo_search_key(w) AS k, n FROM unnest(p_words) WITH ORDINALITY AS u (w, n)) normalized
     WHERE k <> '';
    IF words IS NULL OR wanted = 0 THEN
        RETURN;
    END IF;
    words := words[1:6];
    FOREACH v_word IN ARRAY words LOOP
        exact := exact || CASE WHEN exact = '' THEN '' ELSE ' & ' END || public.nexo_tsquery_lexeme(v_word);
        -- A word of letters that begins at most 50 name words of the tenant stands for those words,
        -- looked up whole (a GIN prefix match `word:*` merges every matching entry and costs about
        -- four times as much); any other word is matched as a prefix.
        expansions := NULL;
        IF length(v_word) >= 3 AND v_word ~ '^[[:alpha:]]+$' THEN
            SELECT array_agg(d.word) INTO expansions
              FROM (SELECT s.word FROM public.account_search_word s
                     WHERE s.tenant_id = tenant AND s.word LIKE v_word || '%'
                     LIMIT 51) d;
        END IF;
        IF expansions IS NOT NULL AND cardinality(expansions) <= 50 THEN
            SELECT '(' || string_agg(public.nexo_tsquery_lexeme(e), ' | ') || ')' INTO term FROM unnest(expansions) AS e;
        ELSE
            term := public.nexo_tsquery_lexeme(v_word) || ':*';
        END IF;
        terms := terms || term;
        prefixes := prefixes || CASE WHEN prefixes = '' THEN '' ELSE ' & ' END || term;
    END LOOP;

    FOR tier IN 1 .. 3 LOOP
        IF tier = 3 THEN
            -- Each word also as a corrected typo of a name word or, correcting to nothing, as a part
            -- of the text.
            PERFORM set_config('pg_trgm.similarity_threshold', p_threshold::text, true);
            FOR i IN 1 .. cardinality(words) LOOP
                v_word := words[i];
                corrections := NULL;
                IF length(v_word) >= 3 THEN
                    SELECT array_agg(d.word) INTO corrections
                      FROM (SELECT s.word FROM public.account_search_word s
                             WHERE s.tenant_id = tenant AND s.word OPERATOR(public.%) v_word
                             ORDER BY s.word OPERATOR(public.<->) v_word, s.word
                             LIMIT 5) d;
                END IF;
                term := terms[i];
                IF corrections IS NOT NULL THEN
                    SELECT term || string_agg(' | ' || public.nexo_tsquery_lexeme(c), '') INTO term
                      FROM unnest(corrections) AS c;
                END IF;
                term := format('public.nexo_search_words(a.search_text) @@ %L::tsquery', term);
                IF corrections IS NULL AND terms[i] LIKE '%:*' AND length(v_word) >= 3 THEN
                    term := format('(%s OR a.search_text LIKE %L)', term,
                        '%' || replace(replace(replace(v_word, '\', '\\'), '%', '\%'), '_', '\_') || '%');
                END IF;
                fuzzy := fuzzy || ' AND ' || term;
            END LOOP;
        END IF;
        EXECUTE 'SELECT array_agg(m.id ORDER BY m.name_key, m.id) FROM ('
            || 'SELECT c.id, c.name_key FROM (SELECT a.id, a.name_key FROM public.account a'
            || ' WHERE a.tenant_id = $1 AND NOT a.id = ANY ($2)'
            || CASE WHEN p_archived IS NULL THEN '' ELSE ' AND a.archived = $3' END
            || CASE tier
                   WHEN 1 THEN ' AND public.nexo_search_words(a.search_text) @@ $5::tsquery'
                   WHEN 2 THEN ' AND public.nexo_search_words(a.search_text) @@ $6::tsquery'
                   ELSE fuzzy END
            || ' LIMIT greatest($4, 200)) c ORDER BY c.name_key, c.id LIMIT $4) m'
            INTO more
            USING tenant, hits, p_archived, wanted - cardinality(hits), exact, prefixes;
        more := coalesce(more, '{}');
        RETURN QUERY SELECT f, (CASE tier WHEN 1 THEN 1 WHEN 2 THEN 0.75 ELSE 0.5 END)::real
                       FROM unnest(more) AS f;
        hits := hits || more;
        IF cardinality(hits) >= wanted THEN
            RETURN;
        END IF;
    END LOOP;
END
$$;

-- Accounts that may be the same as the one being entered: same tax id, a shared e-mail, or a
-- similar name (trigram similarity from p_similarity). At most 20, the most similar first.
CREATE OR REPLACE FUNCTION nexo_account_duplicates(
        p_exclude uuid, p_tax_key text, p_emails text[], p_name text, p_trade text, p_similarity real)
    RETURNS TABLE (id uuid, similarity real)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_name text := coalesce(public.nexo_search_key(p_name), '');
    v_trade text := coalesce(public.nexo_search_key(p_trade), '');
BEGIN
    IF public.nexo_tenant_id() IS NULL OR coalesce(public.nexo_actor_type(), '') NOT IN ('employee', 'system') THEN
        RETURN;
    END IF;
    PERFORM set_config('pg_trgm.similarity_threshold', p_similarity::text, true);
    RETURN QUERY
        SELECT c.id, max(greatest(public.similarity(c.name_key, v_name), public.similarity(c.name_key, v_trade)))
          FROM (SELECT a.id, a.name_key FROM public.account a
                 WHERE a.tenant_id = public.nexo_tenant_id() AND p_tax_key IS NOT NULL
                   AND a.tax_id_key IN (p_tax_key, 'ES' || p_tax_key)
                UNION ALL
                SELECT a.id, a.name_key FROM public.account a
                 WHERE a.tenant_id = public.nexo_tenant_id() AND a.emails && coalesce(p_emails, '{}')
                UNION ALL
                SELECT a.id, a.name_key FROM public.account a
                 WHERE a.tenant_id = public.nexo_tenant_id() AND v_name <> '' AND a.name_key OPERATOR(public.%) v_name
                UNION ALL
                SELECT a.id, a.name_key FROM public.account a
                 WHERE a.tenant_id = public.nexo_tenant_id() AND v_trade <> '' AND a.name_key OPERATOR(public.%) v_trade) c
         WHERE c.id IS DISTINCT FROM p_exclude
         GROUP BY c.id
         ORDER BY 2 DESC, c.id
         LIMIT 20;
END
$$;

REVOKE ALL ON FUNCTION nexo_account_search(text[], boolean, integer, real),
                       nexo_account_duplicates(uuid, text, text[], text, text, real),
                       nexo_account_words_capture()
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_account_search(text[], boolean, integer, real),
                          nexo_account_duplicates(uuid, text, text[], text, text, real)
    TO ${staff_role};

-- The staff's writes of accounts compute the stored columns with these.
GRANT EXECUTE ON FUNCTION nexo_tax_id_key(text), nexo_account_search_text(text, text, text, text, text[], text[]),
    nexo_account_name_words(text, text)
    TO ${staff_role};

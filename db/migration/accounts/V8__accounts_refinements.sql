-- Refinements after the first accounts migration (V7 was already shared with the accounts UI work,
-- so it stays as it was).

-- 1. History rows take the tenant of the changed row, not only the context's: a data migration run
--    by the owner (no tenant context) then records its changes in the right tenant instead of
--    failing. For the application role nothing changes: the policies still require the row's
--    tenant to be the context's tenant.
CREATE OR REPLACE FUNCTION nexo_history_capture() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    entity_column text := TG_ARGV[0];
    ignored text[] := ARRAY['id', 'tenant_id', 'version', 'created_at', 'updated_at']
                      || coalesce(TG_ARGV[1]::text[], '{}'::text[]);
    note text := nullif(current_setting('nexo.history_note', true), '');
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format(
            'INSERT INTO change_history (tenant_id, table_name, row_id, entity_id, operation, row_version, note)'
            ' SELECT n.tenant_id, %L, n.id, n.%I, ''INSERT'', (to_jsonb(n) ->> ''version'')::bigint, $1'
            ' FROM nexo_history_new n',
            TG_TABLE_NAME, entity_column)
            USING note;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format(
            'INSERT INTO change_history (tenant_id, table_name, row_id, entity_id, operation, row_version, changes, note)'
            ' SELECT n.tenant_id, %L, n.id, n.%I, ''UPDATE'', (to_jsonb(n) ->> ''version'')::bigint, d.changes, $1'
            ' FROM nexo_history_new n'
            ' JOIN nexo_history_old o ON o.id = n.id'
            ' CROSS JOIN LATERAL ('
            '   SELECT jsonb_object_agg(nv.key, jsonb_build_array(ov.value, nv.value)) AS changes'
            '     FROM jsonb_each(to_jsonb(n)) nv'
            '     JOIN jsonb_each(to_jsonb(o)) ov ON ov.key = nv.key'
            '    WHERE nv.value IS DISTINCT FROM ov.value AND NOT nv.key = ANY ($2)) d'
            ' WHERE d.changes IS NOT NULL',
            TG_TABLE_NAME, entity_column)
            USING note, ignored;
    ELSE
        EXECUTE format(
            'INSERT INTO change_history (tenant_id, table_name, row_id, entity_id, operation, row_version, changes, note)'
            ' SELECT o.tenant_id, %L, o.id, o.%I, ''DELETE'', (to_jsonb(o) ->> ''version'')::bigint,'
            ' to_jsonb(o) - $2, $1'
            ' FROM nexo_history_old o',
            TG_TABLE_NAME, entity_column)
            USING note, ignored;
    END IF;
    RETURN NULL;
END
$$;

-- 2. Phones are searchable as bare digits ("976554433" finds "+34 976 55 44 33"): each phone
--    also goes into the search text without spaces or signs.
CREATE OR REPLACE FUNCTION nexo_account_search_text(
        p_code text, p_legal_name text, p_trade_name text, p_tax_id text, p_emails text[], p_phones text[])
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT public.nexo_search_key(
        coalesce(p_code, '') || ' ' || coalesce(p_legal_name, '') || ' ' || coalesce(p_trade_name, '')
        || ' ' || coalesce(p_tax_id, '') || ' ' || coalesce(public.nexo_tax_id_key(p_tax_id), '')
        || ' ' || coalesce(array_to_string(p_emails, ' '), '')
        || ' ' || coalesce(array_to_string(p_phones, ' '), '')
        || ' ' || coalesce(array_to_string(
                      ARRAY(SELECT regexp_replace(phone, '[^0-9]', '', 'g') FROM unnest(p_phones) AS phone), ' '), ''))
$$;

-- The stored column keeps values computed by the old function: compute it again.
DROP INDEX account_search_idx;
ALTER TABLE account DROP COLUMN search_text;
ALTER TABLE account ADD COLUMN search_text text GENERATED ALWAYS AS (
    nexo_account_search_text(code, legal_name, trade_name, tax_id, emails, phones)) STORED;
CREATE INDEX account_search_idx ON account USING gin (tenant_id, search_text gin_trgm_ops);

-- 3. Quick search and duplicate look-ups through two narrow SECURITY DEFINER functions.
--    Under row-level security PostgreSQL evaluates the policy first and lets a query condition
--    become an index condition only if its operator is LEAKPROOF. LIKE, pg_trgm's <% and %, and the
--    array operators are not (only a superuser could mark them), so under RLS the trigram indexes
--    were never used: a search in a tenant of a million accounts read the whole table. These
--    functions run as the owner, filter explicitly by the context's tenant and refuse any actor
--    but employees and system work, and return only ids (and a score); the caller then reads the
--    rows through row-level security as usual, so a mistake here could still not show another
--    tenant's rows. Keep them this narrow.
CREATE FUNCTION nexo_account_search(p_words text[], p_archived boolean, p_limit integer, p_threshold real)
    RETURNS TABLE (id uuid, score real)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
AS $$
DECLARE
    words text[];
    conditions text := '';
BEGIN
    IF public.nexo_tenant_id() IS NULL OR coalesce(public.nexo_actor_type(), '') NOT IN ('employee', 'system') THEN
        RETURN;
    END IF;
    SELECT array_agg(k) INTO words
      FROM (SELECT public.nexo_search_key(w) AS k FROM unnest(p_words) AS w) normalized
     WHERE k <> '';
    IF words IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config('pg_trgm.word_similarity_threshold', p_threshold::text, true);
    -- Every word must match: as a part of the text (LIKE) or as a word with a typo (<%).
    FOR i IN 1 .. least(array_length(words, 1), 6) LOOP
        conditions := conditions
            || format(' AND (a.search_text LIKE ''%%'' || $1[%s] || ''%%'' OR $1[%s] <%% a.search_text)', i, i);
    END LOOP;
    RETURN QUERY EXECUTE
        'SELECT a.id, word_similarity($2, a.search_text) AS score FROM public.account a'
        || ' WHERE a.tenant_id = public.nexo_tenant_id()'
        || CASE WHEN p_archived IS NULL THEN '' ELSE ' AND a.archived = $3' END
        || conditions
        || ' ORDER BY score DESC, a.name_key, a.id LIMIT $4'
        USING words, array_to_string(words, ' '), p_archived, greatest(p_limit, 0);
END
$$;

CREATE FUNCTION nexo_account_duplicates(
        p_exclude uuid, p_tax_key text, p_emails text[], p_name text, p_trade text, p_similarity real)
    RETURNS TABLE (id uuid, similarity real)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public
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

REVOKE ALL ON FUNCTION nexo_account_search(text[], boolean, integer, real) FROM PUBLIC;
REVOKE ALL ON FUNCTION nexo_account_duplicates(uuid, text, text[], text, text, real) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_account_search(text[], boolean, integer, real) TO ${app_role};
GRANT EXECUTE ON FUNCTION nexo_account_duplicates(uuid, text, text[], text, text, real) TO ${app_role};

-- 4. Roles have four values: an index on them never beats reading the rows, and it slowed writes.
DROP INDEX account_roles_idx;

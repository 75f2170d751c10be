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

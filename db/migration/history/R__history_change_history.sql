-- Change history: one general mechanism for every business table (current definitions; first
-- created by V6, the capture function last changed by V8). Repeatable: Flyway runs this file again
-- whenever it changes, after the versioned migrations.
--
-- A business table gets its history with one line in the versioned migration that creates it:
--     SELECT nexo_track_history('contact', 'account_id');
-- The first argument is the table, the second the column holding the id of the record whose
-- timeline the changes belong to (the table's own 'id' for a top-level record such as an account;
-- the parent's id for a child row such as a contact). Columns listed in the optional third argument
-- (derived columns such as search keys) are left out of the recorded differences, as are always id,
-- tenant_id, version, created_at and updated_at.
--
-- Statement-level AFTER triggers with transition tables: a bulk INSERT ... SELECT of a million rows
-- writes its history in one set-based statement instead of a million trigger calls. Inserts record
-- the event only (the values are the row itself, and every later update records old and new values,
-- so any past state can be rebuilt); updates record the changed columns as {"column": [old, new]};
-- deletes record the whole row as it was.
--
-- The triggers run as the owner (SECURITY DEFINER, fixed search path): only they write
-- change_history, on which no application role holds INSERT (issue 12), so no actor can add rows of
-- its own. The user and actor type still come from the caller's context (column defaults). History
-- rows take the tenant of the changed row: row-level security checked that tenant when the row was
-- written, so history can never land in another tenant, and a data migration run by the owner (no
-- tenant context) records its changes in the right tenant.
CREATE OR REPLACE FUNCTION nexo_history_capture() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    entity_column text := TG_ARGV[0];
    ignored text[] := ARRAY['id', 'tenant_id', 'version', 'created_at', 'updated_at']
                      || coalesce(TG_ARGV[1]::text[], '{}'::text[]);
    note text := nullif(current_setting('nexo.history_note', true), '');
    -- The row's version read as a column when the table has one: to_jsonb of every row (the whole
    -- row turned into a document to read one field) is the dearest part of recording a bulk insert.
    version_of_new text := CASE WHEN EXISTS (SELECT FROM pg_attribute
                                              WHERE attrelid = TG_RELID AND attname = 'version'
                                                AND attnum > 0 AND NOT attisdropped)
                                THEN 'n.version::bigint' ELSE 'NULL::bigint' END;
    version_of_old text := replace(version_of_new, 'n.', 'o.');
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format(
            'INSERT INTO public.change_history (tenant_id, table_name, row_id, entity_id, operation, row_version, note)'
            ' SELECT n.tenant_id, %L, n.id, n.%I, ''INSERT'', %s, $1'
            ' FROM nexo_history_new n',
            TG_TABLE_NAME, entity_column, version_of_new)
            USING note;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format(
            'INSERT INTO public.change_history (tenant_id, table_name, row_id, entity_id, operation, row_version, changes, note)'
            ' SELECT n.tenant_id, %L, n.id, n.%I, ''UPDATE'', %s, d.changes, $1'
            ' FROM nexo_history_new n'
            ' JOIN nexo_history_old o ON o.id = n.id'
            ' CROSS JOIN LATERAL ('
            '   SELECT jsonb_object_agg(nv.key, jsonb_build_array(ov.value, nv.value)) AS changes'
            '     FROM jsonb_each(to_jsonb(n)) nv'
            '     JOIN jsonb_each(to_jsonb(o)) ov ON ov.key = nv.key'
            '    WHERE nv.value IS DISTINCT FROM ov.value AND NOT nv.key = ANY ($2)) d'
            ' WHERE d.changes IS NOT NULL',
            TG_TABLE_NAME, entity_column, version_of_new)
            USING note, ignored;
    ELSE
        EXECUTE format(
            'INSERT INTO public.change_history (tenant_id, table_name, row_id, entity_id, operation, row_version, changes, note)'
            ' SELECT o.tenant_id, %L, o.id, o.%I, ''DELETE'', %s,'
            ' to_jsonb(o) - $2, $1'
            ' FROM nexo_history_old o',
            TG_TABLE_NAME, entity_column, version_of_old)
            USING note, ignored;
    END IF;
    RETURN NULL;
END
$$;

-- Attaches the history triggers to a table (run by migrations, as the owner).
CREATE OR REPLACE FUNCTION nexo_track_history(p_table regclass, p_entity_column text, p_ignored text[] DEFAULT '{}')
    RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = p_table);
    arguments text := format('%L, %L', p_entity_column, p_ignored::text);
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS nexo_history_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION public.nexo_history_capture(%s)',
                   name || '_history_insert', p_table, arguments);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s'
                   ' REFERENCING OLD TABLE AS nexo_history_old NEW TABLE AS nexo_history_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION public.nexo_history_capture(%s)',
                   name || '_history_update', p_table, arguments);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS nexo_history_old'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION public.nexo_history_capture(%s)',
                   name || '_history_delete', p_table, arguments);
END
$$;

REVOKE ALL ON FUNCTION nexo_track_history(regclass, text, text[]), nexo_history_capture()
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};

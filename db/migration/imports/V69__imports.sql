-- The import centre: imports and their staging, the changes they made (for undo), saved mappings; and
-- the job repository of V68 made a tenant's own.

-- Spring Batch's tables: each row belongs to the tenant whose job wrote it (the jobs run in the
-- tenant's context, so the column's default fills it in; Batch never names the column).
ALTER TABLE batch_job_instance ADD COLUMN tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id);
ALTER TABLE batch_job_execution ADD COLUMN tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id);
ALTER TABLE batch_job_execution_params ADD COLUMN tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id);
ALTER TABLE batch_job_execution_context ADD COLUMN tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id);
ALTER TABLE batch_step_execution ADD COLUMN tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id);
ALTER TABLE batch_step_execution_context ADD COLUMN tenant_id uuid NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id);
CREATE INDEX batch_job_execution_instance_idx ON batch_job_execution (job_instance_id);
CREATE INDEX batch_step_execution_job_idx ON batch_step_execution (job_execution_id);
CREATE INDEX batch_job_execution_params_idx ON batch_job_execution_params (job_execution_id);

DO $batch$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['batch_job_instance', 'batch_job_execution', 'batch_job_execution_params',
                             'batch_job_execution_context', 'batch_step_execution',
                             'batch_step_execution_context'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO ${staff_role} '
                       'USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id())',
                       t || '_staff', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO ${staff_role}', t);
    END LOOP;
END
$batch$;
GRANT USAGE ON SEQUENCE batch_job_instance_seq, batch_job_execution_seq, batch_step_execution_seq TO ${staff_role};

-- An import: one uploaded file for one target, with its last dry run's and its run's counts.
CREATE TABLE import_run (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    target           text        NOT NULL CHECK (target ~ '^[a-z][a-z0-9-]{0,39}$'),
    file_id          uuid        NOT NULL,
    file_name        text        NOT NULL CHECK (btrim(file_name) <> '' AND length(file_name) <= 255),
    file_size        bigint      NOT NULL CHECK (file_size >= 0),
    -- How the file is read and mapped (ImportSettings, ImportMapping and the key field), as last run.
    settings         jsonb,
    mapping          jsonb,
    key_field        text,
    state            text        NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'CHECKING', 'CHECKED',
                         'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'UNDOING', 'UNDONE')),
    -- Whether the job going on (or last run) is a dry run, and the Batch execution behind it.
    dry_run          boolean     NOT NULL DEFAULT false,
    run_number       integer     NOT NULL DEFAULT 0,
    job_execution_id bigint,
    -- Until when the node running the job holds it (renewed with every chunk): a job whose lease ran
    -- out while it was going on was interrupted (its node died) and is resumed by another start-up.
    lease_until      timestamptz,
    total_rows       bigint      NOT NULL DEFAULT 0,
    rows_done        bigint      NOT NULL DEFAULT 0,
    created          bigint      NOT NULL DEFAULT 0,
    updated          bigint      NOT NULL DEFAULT 0,
    unchanged        bigint      NOT NULL DEFAULT 0,
    refused          bigint      NOT NULL DEFAULT 0,
    dry_created      bigint,
    dry_updated      bigint,
    dry_unchanged    bigint,
    dry_refused      bigint,
    failure          text,
    -- Undo: whether records changed later were included, and how it went.
    undo_include_later boolean,
    undone           bigint      NOT NULL DEFAULT 0,
    created_by       uuid        NOT NULL DEFAULT nexo_user_id(),
    -- Who, as the history shows it (the name when the import was made).
    user_name        text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    CONSTRAINT import_run_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT import_run_file_fk FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file (tenant_id, id),
    CONSTRAINT import_run_user_fk FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX import_run_history_idx ON import_run (tenant_id, created_at DESC, id);
-- Finding interrupted jobs at start-up (nexo_imports_interrupted).
CREATE INDEX import_run_active_idx ON import_run (state) WHERE state IN ('CHECKING', 'QUEUED', 'RUNNING', 'UNDOING');

-- Staging: the rows of the file being run, mapped and parsed (values as normalised text, one per
-- field of the target in its order). Rows refused stay until the next run, for the refusals list;
-- rows applied are deleted with the chunk that applied them.
CREATE TABLE import_line (
    tenant_id     uuid   NOT NULL DEFAULT nexo_tenant_id(),
    import_id     uuid   NOT NULL,
    line          bigint NOT NULL,
    key           text,
    vals          text[] NOT NULL,
    refusal_field text,
    refusal_key   text,
    refusal_args  text[],
    PRIMARY KEY (tenant_id, import_id, line),
    CONSTRAINT import_line_run_fk FOREIGN KEY (tenant_id, import_id) REFERENCES import_run (tenant_id, id)
        ON DELETE CASCADE
);

-- Where COPY writes: COPY cannot write a table under row-level security, so the loader copies a
-- chunk here and, in the same transaction, nexo_imports_take_inbox moves it into import_line under
-- the tenant's context. Nothing here is ever committed (the move empties it), and staff may only
-- insert, and not the tenant column (its default is the transaction's tenant). No index: it only ever
-- holds the chunks being moved, and an index would double the cost of every row copied.
CREATE UNLOGGED TABLE import_inbox (
    tenant_id     uuid   NOT NULL DEFAULT nexo_tenant_id(),
    import_id     uuid   NOT NULL,
    line          bigint NOT NULL,
    key           text,
    vals          text[] NOT NULL,
    refusal_field text,
    refusal_key   text,
    refusal_args  text[]
);
GRANT INSERT (import_id, line, key, vals, refusal_field, refusal_key, refusal_args) ON import_inbox TO ${staff_role};

-- What an import created or updated, for undo: the target's undo data and the record's version then.
CREATE TABLE import_change (
    tenant_id     uuid   NOT NULL DEFAULT nexo_tenant_id(),
    import_id     uuid   NOT NULL,
    line          bigint NOT NULL,
    entity_id     uuid   NOT NULL,
    action        text   NOT NULL CHECK (action IN ('CREATED', 'UPDATED')),
    undo_data     jsonb,
    version_after bigint,
    -- Set by undo: DELETED, ARCHIVED, RESTORED, CHANGED_LATER, GONE.
    undo_result   text,
    PRIMARY KEY (tenant_id, import_id, line),
    CONSTRAINT import_change_run_fk FOREIGN KEY (tenant_id, import_id) REFERENCES import_run (tenant_id, id)
        ON DELETE CASCADE
);

-- Mappings saved per tenant and target: header name to field id.
CREATE TABLE import_mapping (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    target          text        NOT NULL,
    name            text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 80),
    field_by_header jsonb       NOT NULL CHECK (jsonb_typeof(field_by_header) = 'object'),
    updated_by      uuid        DEFAULT nexo_user_id(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT import_mapping_name_uk UNIQUE (tenant_id, target, name)
);

ALTER TABLE import_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_run FORCE ROW LEVEL SECURITY;
ALTER TABLE import_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_line FORCE ROW LEVEL SECURITY;
ALTER TABLE import_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_change FORCE ROW LEVEL SECURITY;
ALTER TABLE import_mapping ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_mapping FORCE ROW LEVEL SECURITY;

CREATE POLICY import_run_staff ON import_run FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY import_line_staff ON import_line FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY import_change_staff ON import_change FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY import_mapping_staff ON import_mapping FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE ON import_run TO ${staff_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON import_line, import_change, import_mapping TO ${staff_role};
-- Portal actors have nothing here: no grant to the client, supplier, professional or visitor roles.

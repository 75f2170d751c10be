-- Stored files (base.files.FileStorage): the bytes of uploaded files (CMS documents, images and
-- attachments today; portal uploads next), kept in PostgreSQL on a single machine. One row describes a
-- file; its bytes are split in chunks of up to 1 MiB so that neither writing nor reading holds a whole
-- file in memory. A file is immutable once written: a new version is a new file. The interface leaves
-- room for an object store (the row would keep the object's key instead of chunks).
--
-- Staff reads and writes its tenant's files. Other actors read a file only where the module that refers
-- to it grants them (the CMS adds policies TO the portal and visitor roles for files of items they may
-- read).

CREATE TABLE stored_file (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    name          text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 255),
    content_type  text        NOT NULL CHECK (length(content_type) <= 127),
    size          bigint      NOT NULL CHECK (size >= 0),
    sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- Whose upload: the module and what kind of thing refers to it, for housekeeping.
    purpose       text        NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9-]{0,39}$'),
    created_by    uuid        DEFAULT nexo_user_id(),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stored_file_tenant_uk UNIQUE (tenant_id, id)
);

CREATE TABLE stored_file_chunk (
    tenant_id     uuid    NOT NULL DEFAULT nexo_tenant_id(),
    file_id       uuid    NOT NULL,
    seq           integer NOT NULL CHECK (seq >= 0),
    data          bytea   NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 1048576),
    PRIMARY KEY (tenant_id, file_id, seq),
    CONSTRAINT stored_file_chunk_file_fk FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file (tenant_id, id)
        ON DELETE CASCADE
);

ALTER TABLE stored_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_file FORCE ROW LEVEL SECURITY;
ALTER TABLE stored_file_chunk ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_file_chunk FORCE ROW LEVEL SECURITY;

CREATE POLICY stored_file_staff ON stored_file FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY stored_file_chunk_staff ON stored_file_chunk FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

-- Files are written once and never changed (the row is written first, its size and digest once all
-- chunks are in); deleting one removes its chunks.
GRANT SELECT, INSERT, DELETE ON stored_file, stored_file_chunk TO ${staff_role};
GRANT UPDATE (size, sha256) ON stored_file TO ${staff_role};

-- CMS (issue 18): pages, news, knowledge-base articles and documents, each with a Spanish and an
-- English text (either may be missing), published to chosen audiences; knowledge-base categories;
-- the document library's folders; every saved state of an item kept as a revision; the images and
-- attachments of an item. Files themselves live in base's stored files (base.files.FileStorage).
--
-- Audiences are enforced here: staff reads and writes its tenant (which internal roles may read an
-- internal item is the service's filter); each portal role reads only published, unexpired items of
-- its own audience with their texts, attachments and files; the visitor role (anonymous public pages)
-- only public ones; no role reads another tenant's rows. Portal and visitor roles write nothing.

-- Full-text search in both languages, accents ignored: Spanish and English stemming after unaccent.
CREATE TEXT SEARCH CONFIGURATION nexo_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION nexo_es
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.spanish_stem;
CREATE TEXT SEARCH CONFIGURATION nexo_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION nexo_en
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.english_stem;

-- Knowledge-base categories, nested.
CREATE TABLE cms_category (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    parent_id     uuid,
    slug          text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    name_es       text        CHECK (name_es IS NULL OR (btrim(name_es) <> '' AND length(name_es) <= 120)),
    name_en       text        CHECK (name_en IS NULL OR (btrim(name_en) <> '' AND length(name_en) <= 120)),
    position      integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT cms_category_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT cms_category_slug_uk UNIQUE (tenant_id, slug),
    CONSTRAINT cms_category_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES cms_category (tenant_id, id),
    CONSTRAINT cms_category_named CHECK (name_es IS NOT NULL OR name_en IS NOT NULL)
);

-- Document library folders, nested. A folder's audience is that of the documents in it (the service
-- copies it to them); editor_roles, when not empty, limits who may upload or replace documents in it
-- to holders of those roles (besides the cms.edit permission); reader_roles does the same for reading
-- an internal folder.
CREATE TABLE cms_folder (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    parent_id          uuid,
    name               text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    for_internal       boolean     NOT NULL DEFAULT true,
    for_clients        boolean     NOT NULL DEFAULT false,
    for_suppliers      boolean     NOT NULL DEFAULT false,
    for_professionals  boolean     NOT NULL DEFAULT false,
    for_public         boolean     NOT NULL DEFAULT false,
    reader_roles       uuid[]      NOT NULL DEFAULT '{}',
    editor_roles       uuid[]      NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint      NOT NULL DEFAULT 0,
    CONSTRAINT cms_folder_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT cms_folder_name_uk UNIQUE NULLS NOT DISTINCT (tenant_id, parent_id, name),
    CONSTRAINT cms_folder_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES cms_folder (tenant_id, id)
);

-- One item of content. Its texts (per language) are in cms_item_text. States: DRAFT (seen by staff
-- only), SCHEDULED (publish_at set and ahead: the schedule publishes it), PUBLISHED (its audiences read
-- it until expire_at, when the schedule expires it), EXPIRED.
CREATE TABLE cms_item (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid        NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    kind               text        NOT NULL CHECK (kind IN ('PAGE', 'NEWS', 'ARTICLE', 'DOCUMENT')),
    -- The item's address in the tenant (public pages: /p/<tenant code>/<slug>).
    slug               text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    category_id        uuid,
    folder_id          uuid,
    status             text        NOT NULL DEFAULT 'DRAFT'
                                   CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'EXPIRED')),
    publish_at         timestamptz,
    expire_at          timestamptz,
    -- When it was last published (news are listed by it).
    published_at       timestamptz,
    for_internal       boolean     NOT NULL DEFAULT true,
    for_clients        boolean     NOT NULL DEFAULT false,
    for_suppliers      boolean     NOT NULL DEFAULT false,
    for_professionals  boolean     NOT NULL DEFAULT false,
    for_public         boolean     NOT NULL DEFAULT false,
    -- Internal readers: empty means every employee; otherwise holders of these roles (and editors).
    internal_roles     uuid[]      NOT NULL DEFAULT '{}',
    -- The number of the latest revision (cms_item_revision), raised by every save.
    revision           integer     NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_by         uuid        DEFAULT nexo_user_id(),
    updated_by         uuid        DEFAULT nexo_user_id(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint      NOT NULL DEFAULT 0,
    CONSTRAINT cms_item_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT cms_item_slug_uk UNIQUE (tenant_id, slug),
    CONSTRAINT cms_item_category_fk FOREIGN KEY (tenant_id, category_id) REFERENCES cms_category (tenant_id, id),
    CONSTRAINT cms_item_folder_fk FOREIGN KEY (tenant_id, folder_id) REFERENCES cms_folder (tenant_id, id),
    CONSTRAINT cms_item_dates CHECK (expire_at IS NULL OR publish_at IS NULL OR expire_at > publish_at),
    CONSTRAINT cms_item_category_only_articles CHECK (category_id IS NULL OR kind = 'ARTICLE'),
    CONSTRAINT cms_item_document_in_folder CHECK ((kind = 'DOCUMENT') = (folder_id IS NOT NULL)),
    CONSTRAINT cms_item_scheduled_has_date CHECK (status <> 'SCHEDULED' OR publish_at IS NOT NULL)
);
CREATE INDEX cms_item_list_ix ON cms_item (tenant_id, kind, status, published_at DESC);
CREATE INDEX cms_item_category_ix ON cms_item (tenant_id, category_id) WHERE category_id IS NOT NULL;
CREATE INDEX cms_item_folder_ix ON cms_item (tenant_id, folder_id) WHERE folder_id IS NOT NULL;
CREATE INDEX cms_item_due_publish_ix ON cms_item (publish_at) WHERE status = 'SCHEDULED';
CREATE INDEX cms_item_due_expire_ix ON cms_item (expire_at) WHERE status = 'PUBLISHED' AND expire_at IS NOT NULL;

-- An item's text in one language. body_md is what the editor wrote (Markdown); body_html its
-- rendering, sanitised, which readers are served. A document's file (per language) is a stored file;
-- file_text the text extracted from it (PDF) for the search.
CREATE TABLE cms_item_text (
    tenant_id     uuid        NOT NULL DEFAULT nexo_tenant_id(),
    item_id       uuid        NOT NULL,
    lang          text        NOT NULL CHECK (lang IN ('es', 'en')),
    title         text        NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 200),
    -- One or two sentences: the list's teaser and the public page's meta description.
    summary       text        CHECK (summary IS NULL OR length(summary) <= 300),
    body_md       text        NOT NULL DEFAULT '' CHECK (length(body_md) <= 200000),
    body_html     text        NOT NULL DEFAULT '',
    file_id       uuid,
    file_text     text        CHECK (file_text IS NULL OR length(file_text) <= 300000),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- Spanish texts hold both stems of each word: unaccented (nexo_es: "facturacion" typed without
    -- its accent) and as written (spanish: "facturas" and "facturación" share 'factur').
    search        tsvector    GENERATED ALWAYS AS (
    CASE lang
        WHEN 'es' THEN
            setweight(to_tsvector('nexo_es'::regconfig, title) || to_tsvector('pg_catalog.spanish'::regconfig, title), 'A')
            || setweight(to_tsvector('nexo_es'::regconfig, coalesce(summary, ''))
                         || to_tsvector('pg_catalog.spanish'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('nexo_es'::regconfig, body_md)
                         || to_tsvector('pg_catalog.spanish'::regconfig, body_md), 'C')
            || setweight(to_tsvector('nexo_es'::regconfig, coalesce(file_text, ''))
                         || to_tsvector('pg_catalog.spanish'::regconfig, coalesce(file_text, '')), 'D')
        ELSE
            setweight(to_tsvector('nexo_en'::regconfig, title), 'A')
            || setweight(to_tsvector('nexo_en'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('nexo_en'::regconfig, body_md), 'C')
            || setweight(to_tsvector('nexo_en'::regconfig, coalesce(file_text, '')), 'D')
    END) STORED,
    PRIMARY KEY (tenant_id, item_id, lang),
    CONSTRAINT cms_item_text_item_fk FOREIGN KEY (tenant_id, item_id) REFERENCES cms_item (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT cms_item_text_file_fk FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file (tenant_id, id)
);
CREATE INDEX cms_item_text_search_ix ON cms_item_text USING gin (tenant_id, search);
CREATE INDEX cms_item_text_file_ix ON cms_item_text (tenant_id, file_id) WHERE file_id IS NOT NULL;

-- Every saved state of an item: a snapshot of the item and its texts (jsonb), who saved it and which
-- fields changed; a restore saves the snapshot again as a new revision.
CREATE TABLE cms_item_revision (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL DEFAULT nexo_tenant_id(),
    item_id         uuid        NOT NULL,
    revision        integer     NOT NULL CHECK (revision >= 1),
    snapshot        jsonb       NOT NULL,
    changed_fields  text[]      NOT NULL DEFAULT '{}',
    note            text        CHECK (note IS NULL OR length(note) <= 300),
    changed_by      uuid        DEFAULT nexo_user_id(),
    changed_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cms_item_revision_uk UNIQUE (tenant_id, item_id, revision),
    CONSTRAINT cms_item_revision_item_fk FOREIGN KEY (tenant_id, item_id) REFERENCES cms_item (tenant_id, id)
        ON DELETE CASCADE
);

-- Images and attachments uploaded into an item's text (the Markdown refers to them by address).
CREATE TABLE cms_attachment (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL DEFAULT nexo_tenant_id(),
    item_id       uuid        NOT NULL,
    file_id       uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('IMAGE', 'FILE')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cms_attachment_item_fk FOREIGN KEY (tenant_id, item_id) REFERENCES cms_item (tenant_id, id)
        ON DELETE CASCADE,
    CONSTRAINT cms_attachment_file_fk FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file (tenant_id, id)
);
CREATE INDEX cms_attachment_item_ix ON cms_attachment (tenant_id, item_id);
CREATE INDEX cms_attachment_file_ix ON cms_attachment (tenant_id, file_id);

ALTER TABLE cms_category ENABLE ROW LEVEL SECURITY;
ALTER TABLE cms_category FORCE ROW LEVEL SECURITY;
ALTER TABLE cms_folder ENABLE ROW LEVEL SECURITY;
ALTER TABLE cms_folder FORCE ROW LEVEL SECURITY;
ALTER TABLE cms_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE cms_item FORCE ROW LEVEL SECURITY;
ALTER TABLE cms_item_text ENABLE ROW LEVEL SECURITY;
ALTER TABLE cms_item_text FORCE ROW LEVEL SECURITY;
ALTER TABLE cms_item_revision ENABLE ROW LEVEL SECURITY;
ALTER TABLE cms_item_revision FORCE ROW LEVEL SECURITY;
ALTER TABLE cms_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE cms_attachment FORCE ROW LEVEL SECURITY;

-- Staff: its tenant, everything.
CREATE POLICY cms_category_staff ON cms_category FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY cms_folder_staff ON cms_folder FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY cms_item_staff ON cms_item FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY cms_item_text_staff ON cms_item_text FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY cms_item_revision_staff ON cms_item_revision FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY cms_attachment_staff ON cms_attachment FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

-- Readers outside the staff: published, unexpired items of their own audience.
CREATE POLICY cms_item_client ON cms_item FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND for_clients AND status = 'PUBLISHED'
           AND coalesce(expire_at, 'infinity') > now());
CREATE POLICY cms_item_supplier ON cms_item FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND for_suppliers AND status = 'PUBLISHED'
           AND coalesce(expire_at, 'infinity') > now());
CREATE POLICY cms_item_professional ON cms_item FOR SELECT TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND for_professionals AND status = 'PUBLISHED'
           AND coalesce(expire_at, 'infinity') > now());
CREATE POLICY cms_item_visitor ON cms_item FOR SELECT TO ${visitor_role}
    USING (tenant_id = nexo_tenant_id() AND for_public AND status = 'PUBLISHED'
           AND coalesce(expire_at, 'infinity') > now());
-- Texts and attachments of the items those roles may read (the sub-query runs under their policies).
CREATE POLICY cms_item_text_readers ON cms_item_text FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}, ${visitor_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM cms_item i WHERE i.tenant_id = cms_item_text.tenant_id
                                                  AND i.id = cms_item_text.item_id));
CREATE POLICY cms_attachment_readers ON cms_attachment FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}, ${visitor_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM cms_item i WHERE i.tenant_id = cms_attachment.tenant_id
                                                  AND i.id = cms_attachment.item_id));
CREATE POLICY cms_category_readers ON cms_category FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}, ${visitor_role}
    USING (tenant_id = nexo_tenant_id());
CREATE POLICY cms_folder_client ON cms_folder FOR SELECT TO ${client_role}
    USING (tenant_id = nexo_tenant_id() AND for_clients);
CREATE POLICY cms_folder_supplier ON cms_folder FOR SELECT TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND for_suppliers);
CREATE POLICY cms_folder_professional ON cms_folder FOR SELECT TO ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND for_professionals);
CREATE POLICY cms_folder_visitor ON cms_folder FOR SELECT TO ${visitor_role}
    USING (tenant_id = nexo_tenant_id() AND for_public);
-- The stored files (base) of what those roles may read: a document's current file or an attachment.
CREATE POLICY stored_file_cms_readers ON stored_file FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}, ${visitor_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM cms_item_text t WHERE t.tenant_id = stored_file.tenant_id
                                                       AND t.file_id = stored_file.id
                       UNION ALL
                       SELECT 1 FROM cms_attachment a WHERE a.tenant_id = stored_file.tenant_id
                                                        AND a.file_id = stored_file.id));
CREATE POLICY stored_file_chunk_cms_readers ON stored_file_chunk FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}, ${visitor_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM stored_file f WHERE f.tenant_id = stored_file_chunk.tenant_id
                                                     AND f.id = stored_file_chunk.file_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON cms_category, cms_folder, cms_item, cms_item_text, cms_attachment
    TO ${staff_role};
-- Revisions are a record: written, never changed (they go with their item).
GRANT SELECT, INSERT, DELETE ON cms_item_revision TO ${staff_role};
GRANT SELECT ON cms_category, cms_folder, cms_item, cms_item_text, cms_attachment, stored_file, stored_file_chunk
    TO ${client_role}, ${supplier_role}, ${professional_role}, ${visitor_role};

SELECT nexo_track_history('cms_category', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('cms_folder', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('cms_item', 'id', ARRAY['updated_at', 'version', 'revision']);

-- Portal uploads: files that an external actor (client, supplier, professional) uploads belong to its
-- account (the party). The portal roles store, read and delete only their own account's files; staff
-- keeps its tenant-wide reach and sees who uploaded what. A module that ties such a file to one of its
-- records (a ticket, a purchase order, a job) grants and polices its own link table.

ALTER TABLE stored_file ADD COLUMN party_id uuid DEFAULT nexo_party_id();

CREATE INDEX stored_file_party_idx ON stored_file (tenant_id, party_id, created_at) WHERE party_id IS NOT NULL;

CREATE POLICY stored_file_portal_own ON stored_file FOR ALL
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());

CREATE POLICY stored_file_chunk_portal_own ON stored_file_chunk FOR ALL
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM stored_file f WHERE f.tenant_id = stored_file_chunk.tenant_id
                                                     AND f.id = stored_file_chunk.file_id
                                                     AND f.party_id = nexo_party_id()))
    WITH CHECK (tenant_id = nexo_tenant_id()
                AND EXISTS (SELECT 1 FROM stored_file f WHERE f.tenant_id = stored_file_chunk.tenant_id
                                                          AND f.id = stored_file_chunk.file_id
                                                          AND f.party_id = nexo_party_id()));

GRANT INSERT, DELETE ON stored_file, stored_file_chunk TO ${client_role}, ${supplier_role}, ${professional_role};
GRANT UPDATE (size, sha256) ON stored_file TO ${client_role}, ${supplier_role}, ${professional_role};

-- Files of an account (the party): files that an external actor (client, supplier, professional)
-- uploads belong to its account, and staff may hand a file to an account (an answer's attachment, a
-- document for a client). The portal roles read their own account's files; they store, complete and
-- delete only the files they uploaded themselves (never one staff handed them). Staff keeps its
-- tenant-wide reach and sees whose file each one is. A module that ties such a file to one of its
-- records (a request, a purchase order, a job) grants and polices its own link table.

ALTER TABLE stored_file ADD COLUMN party_id uuid DEFAULT nexo_party_id();

CREATE INDEX stored_file_party_idx ON stored_file (tenant_id, party_id, created_at) WHERE party_id IS NOT NULL;

CREATE POLICY stored_file_portal_read ON stored_file FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id());
CREATE POLICY stored_file_portal_insert ON stored_file FOR INSERT
    TO ${client_role}, ${supplier_role}, ${professional_role}
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND created_by = nexo_user_id());
CREATE POLICY stored_file_portal_update ON stored_file FOR UPDATE
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND created_by = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND created_by = nexo_user_id());
CREATE POLICY stored_file_portal_delete ON stored_file FOR DELETE
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND party_id = nexo_party_id() AND created_by = nexo_user_id());

CREATE POLICY stored_file_chunk_portal_read ON stored_file_chunk FOR SELECT
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM stored_file f WHERE f.tenant_id = stored_file_chunk.tenant_id
                                                     AND f.id = stored_file_chunk.file_id
                                                     AND f.party_id = nexo_party_id()));
CREATE POLICY stored_file_chunk_portal_insert ON stored_file_chunk FOR INSERT
    TO ${client_role}, ${supplier_role}, ${professional_role}
    WITH CHECK (tenant_id = nexo_tenant_id()
                AND EXISTS (SELECT 1 FROM stored_file f WHERE f.tenant_id = stored_file_chunk.tenant_id
                                                          AND f.id = stored_file_chunk.file_id
                                                          AND f.party_id = nexo_party_id()
                                                          AND f.created_by = nexo_user_id()));
CREATE POLICY stored_file_chunk_portal_delete ON stored_file_chunk FOR DELETE
    TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id()
           AND EXISTS (SELECT 1 FROM stored_file f WHERE f.tenant_id = stored_file_chunk.tenant_id
                                                     AND f.id = stored_file_chunk.file_id
                                                     AND f.party_id = nexo_party_id()
                                                     AND f.created_by = nexo_user_id()));

GRANT INSERT, DELETE ON stored_file, stored_file_chunk TO ${client_role}, ${supplier_role}, ${professional_role};
GRANT UPDATE (size, sha256) ON stored_file TO ${client_role}, ${supplier_role}, ${professional_role};

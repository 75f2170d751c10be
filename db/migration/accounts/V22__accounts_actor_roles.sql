-- Actor isolation by database role (issue 11), part 4: accounts, contacts and their search words,
-- code counters and saved filters. See V19.

DROP POLICY account_staff ON account;
DROP POLICY account_party ON account;
DROP POLICY contact_staff ON contact;
DROP POLICY contact_party ON contact;
DROP POLICY account_code_counter_staff ON account_code_counter;
DROP POLICY saved_filter_own ON saved_filter;
DROP POLICY account_search_word_staff ON account_search_word;

REVOKE ALL ON account, contact, account_code_counter, saved_filter, account_search_word FROM ${app_role};

-- Employees and system work manage the tenant's accounts and contacts (which ones each user may
-- touch is the service's permission check).
CREATE POLICY account_staff ON account FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY contact_staff ON contact FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY account_code_counter_staff ON account_code_counter FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY account_search_word_staff ON account_search_word FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
-- Saved filters are private to the user who saved them.
CREATE POLICY saved_filter_own ON saved_filter FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND user_id = nexo_user_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON account, contact, saved_filter TO ${staff_role};
GRANT SELECT, INSERT, UPDATE ON account_code_counter TO ${staff_role};
GRANT SELECT, INSERT ON account_search_word TO ${staff_role};

-- A portal actor reads its own account (its party) and that account's contacts, nothing else.
CREATE POLICY account_party ON account FOR SELECT TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND id = nexo_party_id());
CREATE POLICY contact_party ON contact FOR SELECT TO ${client_role}, ${supplier_role}, ${professional_role}
    USING (tenant_id = nexo_tenant_id() AND account_id = nexo_party_id());
GRANT SELECT ON account, contact TO ${client_role}, ${supplier_role}, ${professional_role};

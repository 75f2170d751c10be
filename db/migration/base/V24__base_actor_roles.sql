-- Actor isolation by database role (issue 11), part 6: the dictionary of name words shared by the
-- modules' searches (created by articles' V16; base owns it, see db/table-owners.properties). See V19.

DROP POLICY search_word_staff ON search_word;
REVOKE ALL ON search_word FROM ${app_role};

CREATE POLICY search_word_staff ON search_word FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
GRANT SELECT, INSERT ON search_word TO ${staff_role};

-- The article list sorts by name in either language in keyset pages: (name, id) after the last row
-- read, served by these indexes whatever the page's depth.
CREATE INDEX article_name_es_idx ON article (tenant_id, name_es, id);
CREATE INDEX article_name_en_idx ON article (tenant_id, name_en, id);

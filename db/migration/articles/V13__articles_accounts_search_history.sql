-- Articles (issue 5), part 3, on top of the accounts module: the default supplier becomes a real
-- reference to an account, article search tolerates accents and typos the way account search does,
-- and the catalogue's records keep their change history.

-- The default supplier is an account of the same tenant (its supplier role is checked by the
-- articles service; accounts that articles refer to are archived rather than deleted, and a merge
-- moves the reference, through the accounts module's AccountReferences).
ALTER TABLE article
    ADD CONSTRAINT article_supplier_fk FOREIGN KEY (tenant_id, default_supplier_id) REFERENCES account (tenant_id, id);

-- What the search box compares: code, both names and the barcode, lower case without accents.
ALTER TABLE article
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        nexo_search_key(code || ' ' || name_es || ' ' || name_en || ' ' || coalesce(barcode, ''))) STORED;
CREATE INDEX article_search_idx ON article USING gin (tenant_id, search_text gin_trgm_ops);
-- Code prefix search ("TOR-" lists every TOR-...), in the code order lists use.
CREATE INDEX article_code_prefix_idx ON article (tenant_id, lower(code) text_pattern_ops);

SELECT nexo_track_history('article', 'id', ARRAY['search_text']);
-- Moving a branch rewrites the paths of its descendants: that is derived data, not a change of theirs;
-- the moved category itself records its new parent.
SELECT nexo_track_history('article_category', 'id', ARRAY['path', 'depth']);
SELECT nexo_track_history('warehouse', 'id');
SELECT nexo_track_history('warehouse_location', 'warehouse_id');
SELECT nexo_track_history('unit_of_measure', 'id');

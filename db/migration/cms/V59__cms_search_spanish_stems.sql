-- CMS search (helper B): Spanish texts indexed with both stems of each word.
--
-- nexo_es (V57) unaccents before stemming, so the Snowball Spanish stemmer never sees its accented
-- suffixes: "facturación" becomes 'facturacion' while "facturas" becomes 'factur', and a search for
-- "facturas" missed a text about "facturación". Stemming the accented word gives 'factur' for both
-- but then "facturacion" typed without its accent misses. A Spanish text's vector therefore holds
-- both: nexo_es (accents ignored) and pg_catalog.spanish (the stem of the word as written); the
-- search asks both queries (nexo_cms_search, R__cms_search.sql). English texts stay as they were.
-- A generated column's expression cannot be altered in place (PostgreSQL 15): dropped and added
-- again with its index; the table holds no rows yet when this runs after V57.
ALTER TABLE cms_item_text DROP COLUMN search;
ALTER TABLE cms_item_text ADD COLUMN search tsvector GENERATED ALWAYS AS (
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
    END) STORED;
CREATE INDEX cms_item_text_search_ix ON cms_item_text USING gin (tenant_id, search);

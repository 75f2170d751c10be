-- Issue 18: the search narrows a reader's candidates in the index, not after reading them.
--
-- A client searching "almacén" used to gather texts holding the word from the GIN index on
-- (tenant_id, search) and only then drop, row by row through the join to cms_item, those not published
-- for clients: to collect a thousand candidates it read more than twice as many texts as an employee,
-- and its searches missed the 50 ms target at 100,000 items. Each text now carries who may find it
-- (readers; what each tag means and the triggers that keep it are in R__cms_search.sql, whose
-- nexo_cms_readers the filling below follows), and the index holds it beside the words, so that the
-- bitmap it returns already holds only the actor's audience.
ALTER TABLE cms_item_text ADD COLUMN readers text[] NOT NULL DEFAULT '{editors}';

UPDATE cms_item_text t
   SET readers = array_remove(ARRAY['editors',
                                    CASE WHEN NOT i.for_internal THEN NULL
                                         WHEN i.folder_id IS NOT NULL AND NOT coalesce(f.for_internal, false) THEN NULL
                                         WHEN i.internal_roles = '{}' AND (i.folder_id IS NULL OR f.reader_roles = '{}')
                                             THEN 'internal'
                                         ELSE 'internal-roles' END,
                                    CASE WHEN i.for_clients THEN 'clients' END,
                                    CASE WHEN i.for_suppliers THEN 'suppliers' END,
                                    CASE WHEN i.for_professionals THEN 'professionals' END,
                                    CASE WHEN i.for_public THEN 'public' END], NULL)
  FROM cms_item i
  LEFT JOIN cms_folder f ON f.tenant_id = i.tenant_id AND f.id = i.folder_id
 WHERE i.tenant_id = t.tenant_id AND i.id = t.item_id AND i.status = 'PUBLISHED';

DROP INDEX cms_item_text_search_ix;
CREATE INDEX cms_item_text_search_ix ON cms_item_text USING gin (tenant_id, readers, search);

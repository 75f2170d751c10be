-- Articles (issue 5): the category tree screen reads one level at a time, a page of children of one
-- parent (or of the roots) in code order, with how many children each has. An index on
-- (tenant_id, parent_id, code) returns such a page in order without sorting the parent's children
-- and answers the per-row child counts from the index alone. It serves everything the plain
-- (tenant_id, parent_id) index served (the parent foreign key, "has sub-categories"), which goes.
CREATE INDEX article_category_children_idx ON article_category (tenant_id, parent_id, code);
DROP INDEX article_category_parent_idx;

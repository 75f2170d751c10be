-- The change history (nexo_history_capture) records each row by its "id" column; V46 tracks the
-- history of purchase_rfq_supplier and purchase_rfq_answer, whose keys are composite and which had
-- no such column, so every insert into them failed ("column n.id does not exist"). A surrogate id,
-- filled in by default, gives each row the identity its history needs; the composite keys stay the
-- keys every statement uses.
ALTER TABLE purchase_rfq_supplier ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE purchase_rfq_supplier ADD CONSTRAINT purchase_rfq_supplier_id_uk UNIQUE (id);
ALTER TABLE purchase_rfq_answer ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE purchase_rfq_answer ADD CONSTRAINT purchase_rfq_answer_id_uk UNIQUE (id);

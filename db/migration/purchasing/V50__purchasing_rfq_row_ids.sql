-- An RFQ's suppliers and their answers get a row id of their own. The change history (V6,
-- R__history_change_history.sql) records every row by its "id" column, and V46 tracks both tables,
-- whose keys are composite: without it any write to them (and the cascade from deleting an RFQ's
-- lines) failed with "column o.id does not exist". Their primary keys stay as they are; the id only
-- names the row in the document's timeline.
ALTER TABLE purchase_rfq_supplier ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE purchase_rfq_supplier ADD CONSTRAINT purchase_rfq_supplier_id_uk UNIQUE (id);
ALTER TABLE purchase_rfq_answer ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE purchase_rfq_answer ADD CONSTRAINT purchase_rfq_answer_id_uk UNIQUE (id);

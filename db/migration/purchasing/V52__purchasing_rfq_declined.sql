-- A supplier of a sent RFQ may decline to quote (RfqService.decline): its row of purchase_rfq_supplier
-- is then DECLINED (a state V46 already allows), answered_at says when it replied, and this column
-- keeps the reason it gave, if any. The row's history trigger records the change for the RFQ's
-- timeline; grants and policies of the table are V46's.
ALTER TABLE purchase_rfq_supplier ADD COLUMN decline_reason text CHECK (btrim(decline_reason) <> '');

-- The bills list pages newest first by (created_at, id): a keyset read of one page, not a sort of all bills.
CREATE INDEX production_bom_created_ix ON production_bom (tenant_id, created_at DESC, id DESC);

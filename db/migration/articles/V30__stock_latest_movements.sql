-- The latest movements of a whole organisation (the dashboard's "Latest movements" card): newest
-- first across every article and warehouse, read from the top of this index instead of sorting the
-- ledger.
CREATE INDEX stock_movement_latest_idx ON stock_movement (tenant_id, moved_at DESC, id DESC);

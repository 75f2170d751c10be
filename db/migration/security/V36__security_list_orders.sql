-- The administration lists read by key (base.paging.ListQuery): each order has an index that serves
-- it whole, key and tie-breaker in the list's direction, so a page far down costs what the first does.

-- Users by name (UserList, UserSort.NAME): lower(display_name), then id.
CREATE INDEX app_user_tenant_name_id_idx ON app_user (tenant_id, lower(display_name), id);
DROP INDEX app_user_tenant_name_idx;

-- The security log, newest first (SecurityEventList, EventSort.TIME): occurred_at, then id, both
-- descending (the index it replaces had the id ascending, which left a sort step on every page).
CREATE INDEX security_event_tenant_time_id_idx ON security_event (tenant_id, occurred_at DESC, id DESC);
DROP INDEX security_event_tenant_time_idx;

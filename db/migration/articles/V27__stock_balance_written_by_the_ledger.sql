-- Issue 12, item 2: stock_balance is derived data. On hand is the sum of the ledger's movements and the
-- minimum, maximum, article code and state are copies of stock_level and article, all written by
-- triggers (articles/R__articles_stock.sql), which now run as the owner (SECURITY DEFINER, fixed search
-- path). The staff role keeps what the application itself writes there: a reservation creates the
-- balance row if missing (only its keys; everything else takes its default, which is what no movement
-- and no level mean) and moves the reserved quantity. Nothing else of a balance is writable by an
-- application role: `UPDATE stock_balance SET on_hand = ...` is refused.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON stock_balance
    FROM ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT INSERT (article_id, warehouse_id) ON stock_balance TO ${staff_role};
GRANT UPDATE (reserved, updated_at) ON stock_balance TO ${staff_role};

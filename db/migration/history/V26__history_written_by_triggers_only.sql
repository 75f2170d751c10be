-- Issue 12, item 4: history rows are written only by the history trigger. Until now every role that
-- changed a tracked table needed INSERT on change_history (the trigger ran as the caller), so staff
-- could also append rows of its own for any record of its tenant, labelled as anyone's. The trigger
-- function now runs as the owner (SECURITY DEFINER, fixed search path; history/R__history_change_history.sql)
-- and writes the tenant of each changed row, which row-level security had already checked for the
-- change itself. The actor roles keep reading their tenant's history.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON change_history
    FROM ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};

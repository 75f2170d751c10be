-- The client portal's sums (current definition; the tables and policies are V60's). Repeatable:
-- Flyway runs this file again whenever it changes, after the versioned migrations.
--
-- What a client still owes is a sum over all its issued invoices. Read through row-level security,
-- every payment row runs its policy's subquery (is the invoice the client's?): 112 ms p50 for a
-- client with 10,000 invoices (ClientPortalBenchmark), too slow for the portal's home page. This
-- function runs as the owner, reads only the bound tenant's rows of the bound party (the client's
-- account), and returns sums, never rows. Only the client role may execute it; the check of the actor
-- type inside stays as a second wall. Keep it this narrow.
CREATE OR REPLACE FUNCTION nexo_sales_client_open_amounts(p_today date)
    RETURNS TABLE (currency text, open numeric, overdue numeric, open_invoices bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    ROWS 2
AS $$
DECLARE
    tenant uuid := public.nexo_tenant_id();
    party uuid := public.nexo_party_id();
BEGIN
    IF tenant IS NULL OR party IS NULL OR coalesce(public.nexo_actor_type(), '') <> 'client' THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT o.currency, sum(o.open), coalesce(sum(o.open) FILTER (WHERE o.due_date < p_today), 0),
               count(*)
          FROM (SELECT d.currency, d.due_date, d.total_amount - coalesce(sum(p.amount), 0) AS open
                  FROM public.sales_document d
                  LEFT JOIN public.sales_payment p ON p.tenant_id = d.tenant_id AND p.invoice_id = d.id
                 WHERE d.tenant_id = tenant AND d.account_id = party
                   AND d.kind IN ('INVOICE', 'CORRECTIVE') AND d.status = 'ISSUED'
                 GROUP BY d.id) o
         WHERE o.open <> 0
         GROUP BY o.currency
         ORDER BY o.currency;
END
$$;

REVOKE ALL ON FUNCTION nexo_sales_client_open_amounts(date)
    FROM PUBLIC, ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
GRANT EXECUTE ON FUNCTION nexo_sales_client_open_amounts(date) TO ${client_role};

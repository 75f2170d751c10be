-- The supplier portal's definer function (current definition; the tables are V61's). Repeatable:
-- Flyway runs this file again whenever it changes, after the versioned migrations.
--
--   nexo_purchase_order_buyer(order)  who at the tenant placed one of the calling supplier's own
--                                     orders (the e-mail of the employee who created it, if still
--                                     enabled), the tenant's language, the order's number
--                                     and the supplier's name on it: where the supplier
--                                     portal's notice of a confirmation or proposal goes. The
--                                     supplier role reads no user but itself, so this narrow
--                                     function answers for one order of its own account only.
--   nexo_purchase_rfq_buyer(rfq)      the same for one sent RFQ the calling supplier is invited
--                                     to: who created it, the tenant's language, its number and
--                                     the supplier's name on the invitation (where the notice of
--                                     the supplier's decline goes).
CREATE OR REPLACE FUNCTION nexo_purchase_order_buyer(p_order uuid)
    RETURNS TABLE (email text, language text, order_number text, supplier_name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT u.email, t.default_locale, d.number, d.supplier_name
      FROM public.purchase_document d
      JOIN public.tenant t ON t.id = d.tenant_id
      LEFT JOIN public.app_user u ON u.tenant_id = d.tenant_id AND u.id = d.created_by AND u.enabled
     WHERE d.tenant_id = nexo_tenant_id()
       AND d.id = p_order
       AND d.kind = 'ORDER'
       AND d.supplier_id = nexo_party_id()
$$;

REVOKE ALL ON FUNCTION nexo_purchase_order_buyer(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_purchase_order_buyer(uuid) TO ${supplier_role};

CREATE OR REPLACE FUNCTION nexo_purchase_rfq_buyer(p_rfq uuid)
    RETURNS TABLE (email text, language text, rfq_number text, supplier_name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT u.email, t.default_locale, d.number, s.supplier_name
      FROM public.purchase_document d
      JOIN public.tenant t ON t.id = d.tenant_id
      JOIN public.purchase_rfq_supplier s ON s.tenant_id = d.tenant_id AND s.rfq_id = d.id
      LEFT JOIN public.app_user u ON u.tenant_id = d.tenant_id AND u.id = d.created_by AND u.enabled
     WHERE d.tenant_id = nexo_tenant_id()
       AND d.id = p_rfq
       AND d.kind = 'RFQ'
       AND d.number IS NOT NULL
       AND s.supplier_id = nexo_party_id()
$$;

REVOKE ALL ON FUNCTION nexo_purchase_rfq_buyer(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nexo_purchase_rfq_buyer(uuid) TO ${supplier_role};

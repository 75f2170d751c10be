-- The supplier portal (issue 19): a supplier declines an RFQ from its portal (DECLINED, with its
-- reason, as V52 records a decline the buyer notes) and may withdraw that decline while the RFQ is
-- still sent: its invitation is then SENT again (no reply, no reason) and it may answer. A declined
-- invitation is never answered directly (SupplierPortalService refuses it).
--
-- V61's update policy let the supplier write ANSWERED or DECLINED only, and on an RFQ in any state.
-- Its replacement also lets the row go back to SENT, but only as a clean withdrawal (no reason, no
-- reply time), and only while the RFQ itself is sent. Written without an OR branch (policies here
-- never have one): "SENT implies clean" is the boolean comparison (status = 'SENT') <= (clean), as
-- false < true. Grants stay V61's (the same columns).
DROP POLICY purchase_rfq_supplier_supplier_answer ON purchase_rfq_supplier;
CREATE POLICY purchase_rfq_supplier_supplier_answer ON purchase_rfq_supplier FOR UPDATE TO ${supplier_role}
    USING (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
           AND status IN ('SENT', 'ANSWERED', 'DECLINED'))
    WITH CHECK (tenant_id = nexo_tenant_id() AND supplier_id = nexo_party_id()
                AND status IN ('SENT', 'ANSWERED', 'DECLINED')
                AND (status = 'SENT') <= (answered_at IS NULL AND decline_reason IS NULL)
                AND EXISTS (SELECT 1 FROM purchase_document d
                             WHERE d.tenant_id = purchase_rfq_supplier.tenant_id AND d.id = purchase_rfq_supplier.rfq_id
                               AND d.kind = 'RFQ' AND d.status = 'SENT'));

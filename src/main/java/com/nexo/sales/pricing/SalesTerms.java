package com.nexo.sales.pricing;

import com.nexo.base.TenantOwnedEntity;
import com.nexo.sales.TaxRegime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** The stored sales terms of one client (a row exists only once someone set them). */
@Entity
@Table(name = "sales_client_terms")
public class SalesTerms extends TenantOwnedEntity {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_regime", nullable = false)
    private TaxRegime taxRegime = TaxRegime.DOMESTIC;

    @Column(name = "exemption_note")
    private String exemptionNote;

    @Column(name = "withholding_percent")
    private BigDecimal withholdingPercent;

    @Column(name = "price_list_id")
    private UUID priceListId;

    @Column(name = "client_group")
    private String clientGroup;

    @Column(name = "document_discount_percent", nullable = false)
    private BigDecimal documentDiscountPercent = BigDecimal.ZERO;

    @Column(name = "salesperson_id")
    private UUID salespersonId;

    protected SalesTerms() {}

    SalesTerms(UUID accountId) {
        this.accountId = accountId;
    }

    /** Takes the form's values, cleaned: an exemption note only for an exempt client, groups in capitals. */
    void apply(ClientTermsForm form) {
        this.taxRegime = form.getTaxRegime();
        String note = form.getExemptionNote();
        this.exemptionNote =
                form.getTaxRegime() == TaxRegime.EXEMPT && note != null && !note.isBlank() ? note.strip() : null;
        this.withholdingPercent = form.getWithholdingPercent();
        this.priceListId = form.getPriceListId();
        this.clientGroup =
                form.getClientGroup() == null ? null : form.getClientGroup().toUpperCase(Locale.ROOT);
        this.documentDiscountPercent = form.getDocumentDiscountPercent();
        this.salespersonId = form.getSalespersonId();
    }

    UUID getAccountId() {
        return accountId;
    }
}

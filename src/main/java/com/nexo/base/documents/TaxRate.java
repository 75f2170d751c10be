package com.nexo.base.documents;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A VAT rate as a document line carries it: the VAT percentage and the equivalence surcharge
 * (recargo de equivalencia) that goes with it for a client under that scheme. Spanish rates are
 * given as constants; a tenant's settings may define others (a new rate, an exempt operation).
 *
 * @param code a short name for the tax breakdown ("IVA21", "EXENTO")
 * @param vatPercent the VAT percentage (21 for 21 %)
 * @param surchargePercent the equivalence surcharge percentage for this VAT rate (5.2 for 21 %)
 */
public record TaxRate(String code, BigDecimal vatPercent, BigDecimal surchargePercent) {

    /** General rate: 21 % VAT, 5.2 % surcharge. */
    public static final TaxRate GENERAL = new TaxRate("IVA21", new BigDecimal("21"), new BigDecimal("5.2"));

    /** Reduced rate: 10 % VAT, 1.4 % surcharge. */
    public static final TaxRate REDUCED = new TaxRate("IVA10", new BigDecimal("10"), new BigDecimal("1.4"));

    /** Super-reduced rate: 4 % VAT, 0.5 % surcharge. */
    public static final TaxRate SUPER_REDUCED = new TaxRate("IVA4", new BigDecimal("4"), new BigDecimal("0.5"));

    /** 0 % VAT (and no surcharge). */
    public static final TaxRate ZERO = new TaxRate("IVA0", BigDecimal.ZERO, BigDecimal.ZERO);

    public TaxRate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(vatPercent, "vatPercent");
        Objects.requireNonNull(surchargePercent, "surchargePercent");
        if (vatPercent.signum() < 0 || surchargePercent.signum() < 0) {
            throw new IllegalArgumentException("Tax percentages are not negative: " + code);
        }
    }
}

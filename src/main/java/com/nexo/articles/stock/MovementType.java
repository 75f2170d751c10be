package com.nexo.articles.stock;

import com.nexo.articles.ArticleRuleException;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** Kinds of stock movement and the sign each gives to the quantity the user enters. */
@NamedInterface("stock")
public enum MovementType {
    RECEIPT,
    ISSUE,
    TRANSFER_OUT,
    TRANSFER_IN,
    ADJUSTMENT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static MovementType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * The ledger's signed quantity for an entered one: receipts and incoming transfers add, issues and
     * outgoing transfers take away (the entered quantity must be positive), an adjustment is the
     * signed correction itself (not zero).
     */
    public BigDecimal signed(BigDecimal entered) {
        if (entered == null || entered.signum() == 0) {
            throw new ArticleRuleException("stock.error.quantity-required");
        }
        if (this == ADJUSTMENT) {
            return entered;
        }
        if (entered.signum() < 0) {
            throw new ArticleRuleException("stock.error.quantity-positive");
        }
        return this == ISSUE || this == TRANSFER_OUT ? entered.negate() : entered;
    }
}

package com.nexo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A quote as other modules see it: its number (null while a draft), its state ({@code DRAFT},
 * {@code SENT}, {@code ACCEPTED}, {@code CANCELLED}) with the bundle key of the state's name, its net
 * total (the taxable base, after discounts, before taxes) and currency, and its validity.
 */
public record QuoteState(
        UUID id,
        String number,
        String status,
        String statusKey,
        BigDecimal net,
        String currency,
        LocalDate validUntil) {

    /** The back-office page of the quote. */
    public String route() {
        return "sales/document/" + id;
    }
}

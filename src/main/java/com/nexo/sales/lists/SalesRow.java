package com.nexo.sales.lists;

import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a sales list. {@code number} is null for drafts; {@code openAmount} is what is still to
 * be paid of an issued invoice (null for other documents); {@code expired} marks a quote whose
 * validity passed unanswered.
 */
public record SalesRow(
        UUID id,
        DocumentKind kind,
        String number,
        DocumentStatus status,
        LocalDate date,
        UUID accountId,
        String clientName,
        UUID salespersonId,
        String salespersonName,
        BigDecimal total,
        String currency,
        BigDecimal openAmount,
        boolean expired) {

    /** The same row with its salesperson's name (users belong to the security module: looked up apart). */
    SalesRow withSalespersonName(String name) {
        return new SalesRow(
                id,
                kind,
                number,
                status,
                date,
                accountId,
                clientName,
                salespersonId,
                name,
                total,
                currency,
                openAmount,
                expired);
    }

    public boolean corrective() {
        return kind == DocumentKind.CORRECTIVE;
    }
}

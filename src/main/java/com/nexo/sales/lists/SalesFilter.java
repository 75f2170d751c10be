package com.nexo.sales.lists;

import com.nexo.base.filters.SearchText;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What a list of sales documents shows: documents of one {@code kind} (the invoice list shows
 * corrective invoices too), in {@code status} (null: any) or only the expired quotes ({@code expired}:
 * draft or sent, valid until before today), dated from {@code from} to {@code to} (inclusive), of a
 * salesperson and a client, and matching {@code text} (number, client name, or the code or
 * description of an article on one of its lines). Null parts do not filter.
 */
public record SalesFilter(
        DocumentKind kind,
        DocumentStatus status,
        boolean expired,
        LocalDate from,
        LocalDate to,
        UUID salespersonId,
        UUID accountId,
        String text) {

    /** The longest search text looked for; longer text is cut. */
    public static final int MAX_TEXT_LENGTH = SearchText.MAX_LENGTH;

    public SalesFilter {
        Objects.requireNonNull(kind, "kind");
        if (kind == DocumentKind.CORRECTIVE) {
            kind = DocumentKind.INVOICE; // one list for invoices and their corrections
        }
        text = SearchText.clean(text);
    }

    /** Every document of the list of {@code kind}. */
    public static SalesFilter all(DocumentKind kind) {
        return new SalesFilter(kind, null, false, null, null, null, null, null);
    }

    public SalesFilter withText(String newText) {
        return new SalesFilter(kind, status, expired, from, to, salespersonId, accountId, newText);
    }

    public SalesFilter withAccount(UUID newAccountId) {
        return new SalesFilter(kind, status, expired, from, to, salespersonId, newAccountId, text);
    }
}

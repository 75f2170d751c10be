package com.nexo.sales.documents;

import com.nexo.accounts.AccountParty;
import java.util.List;

/** The client as a document already names it, for the next document of the flow. */
final class PartyCopy {

    private PartyCopy() {}

    static AccountParty of(SalesDocument document) {
        return new AccountParty(
                document.accountId(),
                null,
                document.clientName(),
                document.clientTaxId(),
                document.clientCountry(),
                document.billingAddress(),
                document.shippingAddress(),
                document.clientEmail(),
                document.language(),
                document.currency(),
                document.paymentDays(),
                true,
                false,
                List.of());
    }
}

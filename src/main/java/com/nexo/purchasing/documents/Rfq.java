package com.nexo.purchasing.documents;

import java.util.List;

/** An RFQ (its lines in {@code document}) and the suppliers it goes to. */
public record Rfq(PurchaseDocument document, List<RfqSupplier> suppliers) {

    public Rfq {
        suppliers = List.copyOf(suppliers);
    }
}

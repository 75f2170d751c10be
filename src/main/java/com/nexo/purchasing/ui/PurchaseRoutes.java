package com.nexo.purchasing.ui;

import com.nexo.purchasing.documents.PurchaseKind;
import java.util.UUID;

/**
 * The routes of purchasing pages, in one place: the lists ({@code purchasing/rfqs}, {@code orders},
 * {@code receipts}, {@code bills}) and a document's page under its list ({@code purchasing/orders/<id>},
 * {@code purchasing/rfqs/<id>}), the routes the document page registers.
 */
public final class PurchaseRoutes {

    public static final String RFQS = "purchasing/rfqs";
    public static final String ORDERS = "purchasing/orders";
    public static final String RECEIPTS = "purchasing/receipts";
    public static final String BILLS = "purchasing/bills";

    private PurchaseRoutes() {}

    /** The page of the document {@code id} of {@code kind}: "purchasing/orders/0195...". */
    public static String document(PurchaseKind kind, UUID id) {
        return list(kind) + "/" + id;
    }

    /** The list of {@code kind}. */
    public static String list(PurchaseKind kind) {
        return switch (kind) {
            case RFQ -> RFQS;
            case ORDER -> ORDERS;
            case RECEIPT -> RECEIPTS;
            case BILL -> BILLS;
        };
    }
}

package com.nexo.purchasing.lists;

import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import java.util.List;
import java.util.Locale;

/** The translation keys of what the purchasing lists show: kinds, states, and the states each list filters by. */
public final class PurchaseListTexts {

    private PurchaseListTexts() {}

    /** "purchasing.list.status.to-approve". */
    public static String statusKey(PurchaseStatus status) {
        return "purchasing.list.status." + slug(status.name());
    }

    /** "purchasing.list.kind.order". */
    public static String kindKey(PurchaseKind kind) {
        return "purchasing.list.kind." + slug(kind.name());
    }

    /** The kind as a route and file name part: rfq, order, receipt, bill. */
    public static String slug(PurchaseKind kind) {
        return slug(kind.name());
    }

    /** The states a document of {@code kind} goes through (V46), as the list's state filter offers them. */
    public static List<PurchaseStatus> statesOf(PurchaseKind kind) {
        return switch (kind) {
            case RFQ ->
                List.of(PurchaseStatus.DRAFT, PurchaseStatus.SENT, PurchaseStatus.CLOSED, PurchaseStatus.CANCELLED);
            case ORDER ->
                List.of(
                        PurchaseStatus.DRAFT,
                        PurchaseStatus.TO_APPROVE,
                        PurchaseStatus.APPROVED,
                        PurchaseStatus.SENT,
                        PurchaseStatus.PARTIALLY_RECEIVED,
                        PurchaseStatus.RECEIVED,
                        PurchaseStatus.CANCELLED);
            case RECEIPT -> List.of(PurchaseStatus.POSTED);
            case BILL -> List.of(PurchaseStatus.DRAFT, PurchaseStatus.APPROVED, PurchaseStatus.CANCELLED);
        };
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

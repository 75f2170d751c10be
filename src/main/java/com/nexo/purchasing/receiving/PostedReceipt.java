package com.nexo.purchasing.receiving;

import com.nexo.purchasing.documents.PurchaseStatus;
import java.util.UUID;

/** A receipt just posted: its id and number, and the state its order was left in. */
public record PostedReceipt(UUID receiptId, String number, PurchaseStatus orderStatus) {}

package com.nexo.sales.verifactu;

import java.util.UUID;

/** An invoice record just written: its place in the chain, its fingerprint and the invoice's QR content. */
public record BillingRecordRef(UUID id, long sequence, String fingerprint, String qrUrl) {}

package com.nexo.accounts;

import java.util.List;
import java.util.UUID;

/**
 * An account as a document is addressed to it: legal name, tax id, its billing and shipping
 * addresses (each as printed lines; the billing one stands in for a missing shipping one and the
 * reverse), e-mail, language and currency, payment terms in days (null: none agreed) and its
 * contacts.
 */
public record AccountParty(
        UUID id,
        String code,
        String legalName,
        String taxId,
        String country,
        List<String> billingAddress,
        List<String> shippingAddress,
        String email,
        String language,
        String currency,
        Integer paymentDays,
        boolean client,
        boolean archived,
        List<PartyContact> contacts) {

    /** A person at the account a document may be for. */
    public record PartyContact(UUID id, String name, String email, boolean primary) {}
}

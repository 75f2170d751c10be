package com.nexo.sales.portal;

import java.util.Arrays;
import java.util.List;

/**
 * The tenant's settings for clients' answers to quotes: whether an accepted quote becomes an order at
 * once, and where the sales team is told: one address or several, separated by commas (blank: the
 * company's address).
 */
public record SalesSettings(boolean acceptedQuoteToOrder, String notifyEmail, long version) {

    /** A tenant that never saved its settings: accepted quotes become orders, the company is told. */
    public static final SalesSettings DEFAULTS = new SalesSettings(true, null, -1);

    /** The addresses the sales team is told at, in the order given; empty when none is set. */
    public List<String> notifyAddresses() {
        return addresses(notifyEmail);
    }

    /** The addresses of a list typed with commas, semicolons or spaces between them. */
    static List<String> addresses(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.strip().split("[,;\\s]+"))
                .filter(address -> !address.isEmpty())
                .distinct()
                .toList();
    }
}

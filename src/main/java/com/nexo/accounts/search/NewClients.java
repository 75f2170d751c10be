package com.nexo.accounts.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The clients created lately, for the dashboard: how many in the last {@code days} days, and the
 * latest of them.
 */
public record NewClients(int days, long count, List<Client> latest) {

    /** A new client as the card lists it. */
    public record Client(UUID id, String name, Instant createdAt) {}

    public NewClients {
        latest = List.copyOf(latest);
    }
}

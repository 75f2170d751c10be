package com.nexo.crm.conversion;

import java.util.List;
import java.util.UUID;

/**
 * What the conversion dialog offers for one lead: the existing accounts and contacts it matches
 * (from its duplicate check, still there), to use instead of creating new ones.
 */
public record ConversionChoices(List<AccountChoice> accounts, List<ContactChoice> contacts) {

    public record AccountChoice(UUID id, String name) {}

    public record ContactChoice(UUID id, UUID accountId, String name, String accountName) {}
}

package com.nexo.sales.documents;

import java.util.List;
import java.util.UUID;

/**
 * What the editor's pickers offer, read once when it opens ({@link DocumentPageService#choices}):
 * the salespeople, the active warehouses, the chosen client's name and its contacts.
 */
public record DocumentPageChoices(
        List<Choice> salespeople, List<Choice> warehouses, String clientName, List<Choice> contacts) {

    public DocumentPageChoices {
        salespeople = List.copyOf(salespeople);
        warehouses = List.copyOf(warehouses);
        contacts = List.copyOf(contacts);
    }

    /** One entry of a picker: an id and what the picker shows. */
    public record Choice(UUID id, String label) {}
}

package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AddressType;
import com.nexo.accounts.account.PaymentTerms;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored column value, as the change history keeps it (JSON text: {@code "Acme"}, {@code 30},
 * {@code ["CLIENT"]}, {@code null}), shown as a reader expects it: roles and terms translated, an
 * owner by name, addresses on one line.
 */
final class StoredValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredValues() {}

    static String show(Component context, String column, String json, Map<UUID, String> owners) {
        if (json == null) {
            return "";
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            return json; // not JSON after all: show it as it is
        }
        if (node == null || node.isNull()) {
            return "";
        }
        return switch (column) {
            case "roles" ->
                texts(node).stream()
                        .map(value -> enumLabel(value, AccountRole.class, role -> AccountLabels.role(context, role)))
                        .collect(Collectors.joining(", "));
            case "kind" -> enumLabel(node.asString(), AccountKind.class, kind -> AccountLabels.kind(context, kind));
            case "payment_terms" ->
                enumLabel(node.asString(), PaymentTerms.class, terms -> AccountLabels.paymentTerms(context, terms));
            case "country" -> AccountLabels.country(context, node.asString());
            case "language" -> AccountLabels.language(context, node.asString());
            case "owner_id", "merged_into" -> owners.getOrDefault(uuid(node.asString()), "");
            case "archived" ->
                node.asBoolean()
                        ? context.getTranslation("accounts.status.archived")
                        : context.getTranslation("accounts.status.active");
            case "is_primary" ->
                node.asBoolean() ? context.getTranslation("accounts.yes") : context.getTranslation("accounts.no");
            case "credit_limit" -> AccountLabels.money(context, new BigDecimal(node.asString()), null);
            case "addresses" -> addresses(context, node);
            default -> String.join(", ", texts(node));
        };
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(element.isValueNode() ? element.asString() : element.toString()));
        } else {
            values.add(node.isValueNode() ? node.asString() : node.toString());
        }
        return values;
    }

    private static String addresses(Component context, JsonNode node) {
        List<String> lines = new ArrayList<>();
        for (JsonNode address : node) {
            String type = address.path("type").asString("");
            String prefix = type.isEmpty()
                    ? ""
                    : enumLabel(type, AddressType.class, value -> AccountLabels.addressType(context, value)) + ": ";
            String text = java.util.stream.Stream.of("street", "postalCode", "city", "region", "country")
                    .map(key -> address.path(key).asString(""))
                    .filter(part -> !part.isBlank())
                    .collect(Collectors.joining(", "));
            lines.add(prefix + text);
        }
        return String.join(" · ", lines);
    }

    private static <E extends Enum<E>> String enumLabel(
            String value, Class<E> type, java.util.function.Function<E, String> label) {
        try {
            return label.apply(Enum.valueOf(type, value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return value == null ? "" : value;
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package com.nexo.accounts.account;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Addresses as stored in the account's {@code addresses} JSONB column. */
final class AddressesJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Address>> LIST = new TypeReference<>() {};

    private AddressesJson() {}

    static String write(List<Address> addresses) {
        return JSON.writeValueAsString(addresses == null ? List.of() : addresses);
    }

    static List<Address> read(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, LIST);
    }
}

package com.nexo.accounts.account;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One postal address of an account. */
public record Address(
        @NotNull(message = "{accounts.validation.address-type-required}")
        AddressType type,

        @Size(max = 200, message = "{accounts.validation.too-long}")
        @NoControlCharacters(message = "{accounts.validation.control-characters}")
        String street,

        @Size(max = 20, message = "{accounts.validation.too-long}")
        @NoControlCharacters(message = "{accounts.validation.control-characters}")
        String postalCode,

        @Size(max = 100, message = "{accounts.validation.too-long}")
        @NoControlCharacters(message = "{accounts.validation.control-characters}")
        String city,

        @Size(max = 100, message = "{accounts.validation.too-long}")
        @NoControlCharacters(message = "{accounts.validation.control-characters}")
        String region,

        @Pattern(regexp = "[A-Z]{2}", message = "{accounts.validation.country}")
        String country) {

    /** The address on one line, for lists and exports. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        for (String part : new String[] {street, postalCode, city, region, country}) {
            if (part != null && !part.isBlank()) {
                if (!line.isEmpty()) {
                    line.append(", ");
                }
                line.append(part.strip());
            }
        }
        return line.toString();
    }
}

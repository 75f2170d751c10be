package com.nexo.articles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the warehouse form edits. */
public record WarehouseForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,15}")
        String code,

        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String address,
        boolean allowNegative,
        boolean active) {}

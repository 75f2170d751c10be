package com.nexo.accounts.imports;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.Address;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The columns of an account that an import writes, with their values as stored. Lists are never
 * null (empty instead), as the table keeps them.
 */
record AccountColumns(
        String code,
        String kind,
        List<String> roles,
        String legalName,
        String tradeName,
        String taxId,
        String country,
        List<Address> addresses,
        List<String> emails,
        List<String> phones,
        String website,
        BigDecimal creditLimit,
        String currency,
        String language,
        List<String> tags,
        String notes) {

    AccountColumns {
        roles = List.copyOf(roles);
        addresses = List.copyOf(addresses);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
    }

    /** An account as stored, with its version: what an import compares the file's values with. */
    record Stored(UUID id, long version, AccountColumns columns) {}

    /** The values of a form (validated and normalised), as the account entity would store them. */
    static AccountColumns of(AccountForm form) {
        return new AccountColumns(
                form.getCode(),
                form.getKind().name(),
                form.getRoles().stream().sorted().map(Enum::name).toList(),
                form.getLegalName(),
                form.getTradeName(),
                form.getTaxId(),
                form.getCountry(),
                form.getAddresses(),
                form.getEmails(),
                form.getPhones(),
                form.getWebsite(),
                form.getCreditLimit(),
                form.getCurrency(),
                form.getLanguage(),
                new ArrayList<>(form.getTags()),
                form.getNotes());
    }

    /** Column name to value, in the table's column order. */
    Map<String, Object> byColumn() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("kind", kind);
        values.put("roles", roles);
        values.put("legal_name", legalName);
        values.put("trade_name", tradeName);
        values.put("tax_id", taxId);
        values.put("country", country);
        values.put("addresses", addresses);
        values.put("emails", emails);
        values.put("phones", phones);
        values.put("website", website);
        values.put("credit_limit", creditLimit);
        values.put("currency", currency);
        values.put("language", language);
        values.put("tags", tags);
        values.put("notes", notes);
        return values;
    }

    /**
     * These values, except that the columns not in {@code written} keep the stored account's values:
     * an import writes only what the file maps.
     */
    AccountColumns onlyOver(AccountColumns stored, Set<String> written) {
        return new AccountColumns(
                pick(written, "code", code, stored.code),
                pick(written, "kind", kind, stored.kind),
                Set.copyOf(roles).equals(Set.copyOf(stored.roles))
                        ? stored.roles
                        : pick(written, "roles", roles, stored.roles),
                pick(written, "legal_name", legalName, stored.legalName),
                pick(written, "trade_name", tradeName, stored.tradeName),
                pick(written, "tax_id", taxId, stored.taxId),
                pick(written, "country", country, stored.country),
                pick(written, "addresses", addresses, stored.addresses),
                pick(written, "emails", emails, stored.emails),
                pick(written, "phones", phones, stored.phones),
                pick(written, "website", website, stored.website),
                creditLimit != null && stored.creditLimit != null && creditLimit.compareTo(stored.creditLimit) == 0
                        ? stored.creditLimit
                        : pick(written, "credit_limit", creditLimit, stored.creditLimit),
                pick(written, "currency", currency, stored.currency),
                pick(written, "language", language, stored.language),
                pick(written, "tags", tags, stored.tags),
                pick(written, "notes", notes, stored.notes));
    }

    /** The columns whose values differ from {@code stored}'s, with the stored (previous) values. */
    Map<String, Object> previousOfChanged(AccountColumns stored) {
        Map<String, Object> mine = byColumn();
        Map<String, Object> theirs = stored.byColumn();
        Map<String, Object> previous = new LinkedHashMap<>();
        mine.forEach((column, value) -> {
            if (!Objects.equals(value, theirs.get(column))) {
                previous.put(column, theirs.get(column));
            }
        });
        return previous;
    }

    private static <T> T pick(Set<String> written, String column, T mine, T stored) {
        return written.contains(column) ? mine : stored;
    }
}

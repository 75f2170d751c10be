package com.nexo.accounts.search;

import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One line of an account list. {@code email}, {@code phone} and {@code city} are the first ones. */
public record AccountRow(
        UUID id,
        String code,
        AccountKind kind,
        Set<AccountRole> roles,
        String legalName,
        String tradeName,
        String taxId,
        String country,
        String email,
        String phone,
        String city,
        List<String> tags,
        UUID ownerId,
        String ownerName,
        boolean archived,
        Instant updatedAt) {

    /** The same row with its owner's name (looked up apart: users belong to the security module). */
    public AccountRow withOwnerName(String name) {
        return new AccountRow(
                id, code, kind, roles, legalName, tradeName, taxId, country, email, phone, city, tags, ownerId, name,
                archived, updatedAt);
    }

    /** The name to show: the trade name when there is one, else the legal name. */
    public String displayName() {
        return tradeName == null || tradeName.isBlank() ? legalName : tradeName;
    }
}

package com.nexo.accounts.contacts;

import java.util.List;
import java.util.UUID;

/** One contact of an account, as the account's detail view lists it. */
public record ContactRow(
        UUID id,
        UUID accountId,
        String name,
        String position,
        List<String> emails,
        List<String> phones,
        String language,
        boolean primary,
        UUID portalUserId,
        long version) {}

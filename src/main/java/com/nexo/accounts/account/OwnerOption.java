package com.nexo.accounts.account;

import java.util.UUID;

/** An employee who may own accounts, for the owner selector and filter. */
public record OwnerOption(UUID id, String name) {}

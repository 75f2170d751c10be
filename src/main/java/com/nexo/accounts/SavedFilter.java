package com.nexo.accounts;

import java.util.UUID;

/** A named account filter (and sort) the current user saved. */
public record SavedFilter(UUID id, String name, AccountFilter filter, AccountSort sort) {}

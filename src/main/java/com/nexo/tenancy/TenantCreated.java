package com.nexo.tenancy;

import java.util.UUID;

/** A tenant was created; listeners run as system work bound to it. */
public record TenantCreated(UUID tenantId, String code) {}

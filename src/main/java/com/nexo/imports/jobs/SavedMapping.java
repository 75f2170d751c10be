package com.nexo.imports.jobs;

import java.util.Map;
import java.util.UUID;

/** A mapping saved for reuse with the tenant's next files for a target: header name to field id. */
public record SavedMapping(UUID id, String targetId, String name, Map<String, String> fieldByHeader) {}

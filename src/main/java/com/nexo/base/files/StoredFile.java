package com.nexo.base.files;

import java.time.Instant;
import java.util.UUID;

/** What is known of a stored file without reading its bytes. */
public record StoredFile(
        UUID id, String name, String contentType, long size, String sha256, String purpose, Instant createdAt) {}

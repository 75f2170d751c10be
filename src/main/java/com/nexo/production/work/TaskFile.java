package com.nexo.production.work;

import java.time.Instant;
import java.util.UUID;

/**
 * A file tied to a task of an order (by the professional who performs it), as a list shows it.
 * {@code mine}: the signed-in user uploaded it, so it may delete it.
 */
public record TaskFile(UUID fileId, String name, String contentType, long size, Instant uploadedAt, boolean mine) {}

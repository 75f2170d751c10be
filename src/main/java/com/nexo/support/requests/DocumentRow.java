package com.nexo.support.requests;

import java.time.Instant;
import java.util.UUID;

/**
 * A file of an account's documents ("My files").
 *
 * @param mine uploaded by the signed-in user (who may delete it)
 */
public record DocumentRow(
        UUID id,
        UUID fileId,
        String name,
        String contentType,
        long size,
        String uploadedByName,
        Instant createdAt,
        boolean mine) {}

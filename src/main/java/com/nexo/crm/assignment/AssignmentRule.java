package com.nexo.crm.assignment;

import java.util.UUID;

/**
 * A rule giving new leads without an owner one: if a lead meets {@code condition} (with {@code
 * matchValue}, a tag or a region), it goes to {@code userId}, or in turn to the members of {@code
 * teamId} ({@code lastUserId} had the last turn).
 */
public record AssignmentRule(
        UUID id,
        String name,
        int position,
        AssignmentCondition condition,
        String matchValue,
        UUID userId,
        UUID teamId,
        UUID lastUserId,
        boolean enabled,
        long version) {}

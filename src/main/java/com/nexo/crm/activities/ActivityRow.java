package com.nexo.crm.activities;

import java.time.Instant;
import java.util.UUID;

/**
 * An activity as lists show it, with the name of what it is about and of its assignee.
 *
 * @param about the lead, opportunity or account it is about (the opportunity when it has both)
 * @param aboutName the lead's, opportunity's or account's name
 */
public record ActivityRow(
        UUID id,
        ActivityKind kind,
        String subject,
        String notes,
        About about,
        String aboutName,
        Instant dueAt,
        Integer durationMinutes,
        UUID assigneeId,
        String assigneeName,
        boolean done,
        Instant remindAt,
        Instant createdAt,
        long version) {

    ActivityRow withNames(String about, String assignee) {
        return new ActivityRow(
                id,
                kind,
                subject,
                notes,
                this.about,
                about,
                dueAt,
                durationMinutes,
                assigneeId,
                assignee,
                done,
                remindAt,
                createdAt,
                version);
    }
}

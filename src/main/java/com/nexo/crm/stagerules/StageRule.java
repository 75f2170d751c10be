package com.nexo.crm.stagerules;

import com.nexo.crm.activities.ActivityKind;
import java.util.UUID;

/**
 * On entering {@code stageId} (of {@code pipelineId}): an activity of {@code kind} with {@code subject}
 * due {@code dueInDays} days later for the opportunity's owner (when {@code kind} is set), and/or a
 * notification to the owner.
 */
public record StageRule(
        UUID id,
        UUID pipelineId,
        String pipelineName,
        UUID stageId,
        String stageName,
        ActivityKind kind,
        String subject,
        Integer dueInDays,
        boolean notifyOwner,
        boolean active,
        long version) {}

package com.nexo.crm.pipelines;

import java.util.UUID;

/** A stage of a pipeline, left to right by {@code position}; {@code probability} in percent. */
public record StageRow(UUID id, UUID pipelineId, String name, int position, int probability, boolean archived) {}

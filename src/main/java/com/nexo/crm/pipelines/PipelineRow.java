package com.nexo.crm.pipelines;

import java.util.UUID;

/** A pipeline as lists and pickers show it. */
public record PipelineRow(UUID id, String name, int position, boolean isDefault, boolean archived) {}

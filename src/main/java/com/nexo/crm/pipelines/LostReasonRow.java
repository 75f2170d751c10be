package com.nexo.crm.pipelines;

import java.util.UUID;

/** Why an opportunity was lost, as a picker shows it. */
public record LostReasonRow(UUID id, String name, int position, boolean archived) {}

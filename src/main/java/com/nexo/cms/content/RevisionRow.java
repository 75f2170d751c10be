package com.nexo.cms.content;

import java.time.Instant;
import java.util.List;

/** One saved state of an item: who saved it when, which fields changed ({@code title.es}, {@code status}...). */
public record RevisionRow(int revision, Instant changedAt, String changedBy, List<String> changedFields, String note) {}

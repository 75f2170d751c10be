package com.nexo.production.orders;

import java.util.List;
import java.util.UUID;

/** What a release did: the order's number, the child orders it made, and how many materials fell short. */
public record ReleaseResult(String number, List<UUID> childOrderIds, int shortMaterials) {}

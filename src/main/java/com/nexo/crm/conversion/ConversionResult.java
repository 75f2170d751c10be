package com.nexo.crm.conversion;

import java.util.UUID;

/** What a lead became: its account, its contact (null when the lead named no person) and its opportunity. */
public record ConversionResult(UUID accountId, UUID contactId, UUID opportunityId) {}

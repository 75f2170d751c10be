package com.nexo.crm.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month's target of a scope as the settings page edits it: the amount (null: no target), and
 * the version it was read at (null: there was none), so that saving over a newer one is refused.
 */
public record MonthTarget(YearMonth month, BigDecimal amount, Long version) {}

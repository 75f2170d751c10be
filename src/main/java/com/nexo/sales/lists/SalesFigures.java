package com.nexo.sales.lists;

import java.math.BigDecimal;

/**
 * The month's sales at a glance, in euros (other currencies at each invoice's exchange rate): what
 * the issued invoices and corrective invoices dated this month add up to, what is still open on all
 * issued invoices and the overdue part of it.
 */
public record SalesFigures(BigDecimal invoicedThisMonth, BigDecimal open, BigDecimal overdue) {}

package com.nexo.sales.lists;

import java.math.BigDecimal;

/**
 * What a client still owes in one currency: the open amount of its issued invoices (total less
 * payments), the part of it past its due date, and how many invoices are open.
 */
public record OpenAmount(String currency, BigDecimal open, BigDecimal overdue, long openInvoices) {}

package com.nexo.accounts.search;

/**
 * How many rows a filter matches: exact up to a limit; beyond it, the planner's estimate with
 * {@code exact} false ("more than 1,000, about 950,000"), because counting a million rows exactly
 * costs more than the page itself.
 */
public record CountEstimate(long value, boolean exact, long exactLimit) {}

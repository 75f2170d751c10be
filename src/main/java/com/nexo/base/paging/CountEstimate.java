package com.nexo.base.paging;

/**
 * How many rows a list's filter matches: exact up to {@code exactLimit}; beyond it {@code exact} is
 * false and {@code value} is the planner's estimate ("more than 1,000, about 950,000"), because
 * counting a million rows costs more than reading the page itself.
 */
public record CountEstimate(long value, boolean exact, long exactLimit) {

    public static CountEstimate exactly(long value) {
        return new CountEstimate(value, true, Long.MAX_VALUE);
    }
}

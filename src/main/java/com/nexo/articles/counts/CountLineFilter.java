package com.nexo.articles.counts;

/** Which lines of a stock count a page shows. */
public enum CountLineFilter {
    /** Every line. */
    ALL,
    /** Counted lines whose count differs from what was expected: what posting will adjust. */
    DIFFERENCES,
    /** What to look at before posting: the differences, and the lines not counted yet. */
    REVIEW
}

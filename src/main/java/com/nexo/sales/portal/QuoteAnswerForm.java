package com.nexo.sales.portal;

/**
 * What a client types to answer a quote: its name (the signature) and an optional comment.
 *
 * @param accepted accept (true) or reject the quote
 */
public record QuoteAnswerForm(boolean accepted, String signedName, String comment) {

    /** The longest name and comment kept (the table's limits). */
    public static final int MAX_NAME = 200;

    public static final int MAX_COMMENT = 2000;
}

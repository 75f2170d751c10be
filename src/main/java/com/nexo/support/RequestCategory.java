package com.nexo.support;

/**
 * What a request is about, chosen by its requester when opening it; {@link Requester#categories()}
 * says which each kind of requester is offered.
 */
public enum RequestCategory {
    QUESTION,
    ORDER,
    INVOICE,
    DELIVERY,
    /** A bill or a payment due to a supplier or professional. */
    PAYMENT,
    /** A professional's job. */
    JOB,
    OTHER
}

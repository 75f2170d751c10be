package com.nexo.support;

/** What a request is about, chosen by the client when opening it. */
public enum RequestCategory {
    QUESTION,
    ORDER,
    INVOICE,
    DELIVERY,
    OTHER
}

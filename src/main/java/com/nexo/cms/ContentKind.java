package com.nexo.cms;

/** What an item is. Articles belong to a knowledge-base category; documents to a library folder. */
public enum ContentKind {
    PAGE,
    NEWS,
    ARTICLE,
    DOCUMENT
}

package com.nexo.articles.catalogue;

/** The picture of an article. */
public record ArticleImage(String contentType, byte[] content) {}

package com.nexo.articles;

/** The picture of an article. */
public record ArticleImage(String contentType, byte[] content) {}

package com.nexo.articles.catalogue;

import java.util.UUID;

/**
 * An article loaded for editing: the form, the version it was loaded at, whether it is archived and
 * whether it has a picture (the picture itself is read only where it is sent).
 */
public record ArticleDetails(UUID id, long version, ArticleForm form, boolean archived, boolean hasImage) {}

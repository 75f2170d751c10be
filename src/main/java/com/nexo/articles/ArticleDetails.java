package com.nexo.articles;

import java.util.UUID;

/** An article loaded for editing: the form, the version it was loaded at, and whether it is archived. */
public record ArticleDetails(UUID id, long version, ArticleForm form, boolean archived) {}

package com.nexo.cms.library;

import java.util.UUID;

/**
 * A category as the editor saves it: at least one name; a blank {@code slug} is made from the first
 * name; {@code parentId} null for a top category.
 */
public record CategoryDraft(UUID parentId, String slug, String nameEs, String nameEn, int position) {}

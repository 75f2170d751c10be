package com.nexo.cms.library;

import com.nexo.cms.Audience;
import java.util.Set;
import java.util.UUID;

/** A folder as its manager saves it. */
public record FolderDraft(
        UUID parentId, String name, Set<Audience> audiences, Set<UUID> readerRoles, Set<UUID> editorRoles) {}

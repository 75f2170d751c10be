package com.nexo.cms.library;

import com.nexo.cms.Audience;
import java.util.Set;
import java.util.UUID;

/**
 * A library folder: its audience (that of its documents), the roles that may read it when internal
 * (empty: every employee) and the roles that may upload into it (empty: every holder of cms.edit),
 * whether the current user may edit it, and how many documents it holds.
 */
public record FolderRow(
        UUID id,
        UUID parentId,
        String name,
        Set<Audience> audiences,
        Set<UUID> readerRoles,
        Set<UUID> editorRoles,
        boolean editable,
        long documents,
        long version) {}

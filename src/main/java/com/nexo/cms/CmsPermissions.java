package com.nexo.cms;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the CMS. The predefined role {@code content-editor} carries all of them; every other
 * predefined role reads (internal content, the knowledge base, the library).
 */
public final class CmsPermissions {

    /** Read internal content of one's roles: news, pages, the knowledge base, the document library. */
    public static final String READ = "cms.read";
    /** Write items (drafts, texts, images, documents) and categories. */
    public static final String EDIT = "cms.edit";
    /** Publish, schedule, unpublish and restore earlier revisions. */
    public static final String PUBLISH = "cms.publish";
    /** Manage the document library's folders: their audience and who may edit them. */
    public static final String FOLDERS = "cms.folders";

    private CmsPermissions() {}

    @Component
    static class Cms implements ModulePermissions {
        @Override
        public String module() {
            return "cms";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, EDIT, PUBLISH, FOLDERS).stream()
                    .map(Permission::parse)
                    .toList();
        }
    }
}

package com.nexo.imports;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the import centre. Running or undoing an import also needs the target's own
 * permissions ({@link ImportTarget#permissions()}): importing accounts needs the right to create and
 * edit accounts.
 */
public final class ImportPermissions {

    /** See the tenant's imports: history, progress, refused rows. */
    public static final String READ = "imports.read";
    /** Upload a file, map it, dry-run and run it; save mappings. */
    public static final String RUN = "imports.run";
    /** Revert an import as a whole. */
    public static final String UNDO = "imports.undo";

    private ImportPermissions() {}

    @Component
    static class Imports implements ModulePermissions {
        @Override
        public String module() {
            return "imports";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, RUN, UNDO).stream().map(Permission::parse).toList();
        }
    }
}

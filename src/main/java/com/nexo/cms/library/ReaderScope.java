package com.nexo.cms.library;

import com.nexo.cms.CmsPermissions;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserDirectory;
import com.nexo.tenancy.ActorType;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What of the CMS the current actor reads, as SQL: editors (cms.edit) every item of the tenant;
 * other employees published, unexpired internal items whose roles are empty or shared with theirs (a
 * document also its folder's reader roles); portal actors what their role's policies let through
 * (published items of their audience), so no filter of ours.
 */
@Component
public class ReaderScope {

    private final UserDirectory users;

    ReaderScope(UserDirectory users) {
        this.users = users;
    }

    /** The current actor's scope; work without a logged-in user reads as a portal actor (RLS only). */
    public Scope current() {
        NexoUser user = CurrentUser.get().orElse(null);
        if (user == null || user.actorType() != ActorType.EMPLOYEE) {
            return new Scope(false, false, false, Set.of());
        }
        boolean editor = user.can(CmsPermissions.EDIT);
        boolean folderManager = user.can(CmsPermissions.FOLDERS);
        return new Scope(true, editor, folderManager, users.currentUserRoles());
    }

    /** The current actor's reach. */
    public record Scope(boolean employee, boolean editor, boolean folderManager, Set<UUID> roles) {

        /** Whether every item and folder of the tenant is visible (editors and folder managers see all). */
        public boolean seesAll() {
            return editor || (employee && folderManager);
        }

        /** The roles as a PostgreSQL array literal, for {@code CAST(:roles AS uuid[])}. */
        public String rolesArray() {
            return roles.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
        }

        /**
         * The condition an item row (alias {@code i}) must meet for this actor; it uses the
         * parameter {@code :roles} when it filters.
         */
        public String itemCondition(String i) {
            if (editor || !employee) {
                return "true";
            }
            return i + ".status = 'PUBLISHED' AND coalesce(" + i + ".expire_at, 'infinity') > now()"
                    + " AND " + i + ".for_internal"
                    + " AND (" + i + ".internal_roles = '{}' OR " + i + ".internal_roles && CAST(:roles AS uuid[]))"
                    + " AND (" + i + ".folder_id IS NULL OR EXISTS (SELECT 1 FROM cms_folder rf"
                    + " WHERE rf.tenant_id = " + i + ".tenant_id AND rf.id = " + i + ".folder_id"
                    + " AND " + folderCondition("rf") + "))";
        }

        /** The condition a folder row (alias {@code f}) must meet for this actor (parameter {@code :roles}). */
        public String folderCondition(String f) {
            if (seesAll() || !employee) {
                return "true";
            }
            return f + ".for_internal AND (" + f + ".reader_roles = '{}' OR " + f
                    + ".reader_roles && CAST(:roles AS uuid[]))";
        }

        /** Whether a folder with these editor roles takes uploads and replacements from this actor. */
        public boolean mayEdit(Set<UUID> editorRoles) {
            return editor && (editorRoles.isEmpty() || editorRoles.stream().anyMatch(roles::contains));
        }
    }
}

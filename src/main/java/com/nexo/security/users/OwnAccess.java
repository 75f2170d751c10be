package com.nexo.security.users;

import com.nexo.security.CurrentUser;
import com.nexo.security.roles.Role;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limit of delegation: a user may hand out, take away or rewrite only permissions it holds
 * itself. Without it, anyone allowed to edit users could give itself the administrator role, and
 * anyone allowed to edit roles could add any permission to a role it has. System work (no logged-in
 * user) is not limited.
 */
public final class OwnAccess {

    private OwnAccess() {}

    /** Whether the logged-in user holds every one of these permissions (true for system work). */
    public static boolean covers(Collection<String> permissions) {
        return CurrentUser.get()
                .map(me -> me.permissions().containsAll(permissions))
                .orElse(true);
    }

    /** Whether the logged-in user holds every permission of every one of these roles. */
    public static boolean coversRoles(Collection<Role> roles) {
        return covers(permissionsOf(roles));
    }

    static Set<String> permissionsOf(Collection<Role> roles) {
        return roles.stream().flatMap(role -> role.getPermissions().stream()).collect(Collectors.toSet());
    }
}

package com.nexo.security.users;

import java.util.Set;
import java.util.UUID;

/** Forms of the user administration as a test edits them, in one expression. */
public final class UserEdits {

    private UserEdits() {}

    /** The loaded form (its id and version) with these values. */
    public static UserForm edited(UserForm loaded, String displayName, boolean enabled, Set<UUID> roleIds) {
        UserForm form = loaded.copy();
        form.setDisplayName(displayName);
        form.setEnabled(enabled);
        form.setRoleIds(roleIds);
        return form;
    }
}

package com.nexo.security;

import java.util.List;

/**
 * A module's contribution to the permission catalogue: each module declares one bean of this type
 * listing the permissions its services check.
 */
public interface ModulePermissions {

    /** The module's code, the first part of each permission ({@code users} in {@code users.edit}). */
    String module();

    List<Permission> permissions();
}

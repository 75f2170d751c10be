package com.nexo.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a role may allow: an action on a module, written {@code module.action}
 * (for example {@code users.edit}). Checked on service methods as the authority
 * {@code ROLE_module.action}, so {@code @RolesAllowed} on views and {@code hasRole} in method
 * security read the same name.
 */
public record Permission(String module, String action) implements Comparable<Permission> {

    private static final Pattern PART = Pattern.compile("[a-z][a-z-]*");

    public Permission {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(action, "action");
        if (!PART.matcher(module).matches() || !PART.matcher(action).matches()) {
            throw new IllegalArgumentException("Not a permission: " + module + "." + action);
        }
    }

    public static Permission parse(String code) {
        int dot = code.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Not a permission: " + code);
        }
        return new Permission(code.substring(0, dot), code.substring(dot + 1));
    }

    public String code() {
        return module + "." + action;
    }

    /** The Spring Security authority that carries this permission. */
    public String authority() {
        return "ROLE_" + code();
    }

    @Override
    public int compareTo(Permission other) {
        int byModule = module.compareTo(other.module);
        return byModule != 0 ? byModule : action.compareTo(other.action);
    }

    @Override
    public String toString() {
        return code();
    }
}

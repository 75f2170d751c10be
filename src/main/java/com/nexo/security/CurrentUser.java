package com.nexo.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, if one is logged in. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<NexoUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof NexoUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Whether a user is logged in and its roles grant this permission ({@code module.action}). */
    public static boolean can(String permission) {
        return get().map(user -> user.can(permission)).orElse(false);
    }
}

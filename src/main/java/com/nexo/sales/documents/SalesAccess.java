package com.nexo.sales.documents;

import com.nexo.tenancy.BackgroundAuthentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second check of a method whose annotation admits several permissions and whose branch needs
 * one of them (saving a new draft needs {@code sales.create}, saving a draft's changes {@code
 * sales.edit}). Background work for a tenant passes.
 */
final class SalesAccess {

    private SalesAccess() {}

    static void require(String permission) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + permission)
                                || granted.getAuthority().equals(BackgroundAuthentication.SYSTEM));
        if (!allowed) {
            throw new AccessDeniedException(permission);
        }
    }
}

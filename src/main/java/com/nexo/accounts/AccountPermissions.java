package com.nexo.accounts;

import com.nexo.accounts.account.AccountService;
import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/** Permissions of the accounts module, checked by {@link AccountService}. */
public final class AccountPermissions {

    public static final String READ = "accounts.read";
    public static final String CREATE = "accounts.create";
    public static final String EDIT = "accounts.edit";
    public static final String DELETE = "accounts.delete";
    public static final String EXPORT = "accounts.export";
    public static final String MERGE = "accounts.merge";
    /** Inviting an account's contacts to the portals, and disabling or re-enabling their portal users. */
    public static final String PORTAL_ACCESS = "accounts.portal-access";

    private AccountPermissions() {}

    @Component
    static class Accounts implements ModulePermissions {
        @Override
        public String module() {
            return "accounts";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, CREATE, EDIT, DELETE, EXPORT, MERGE, PORTAL_ACCESS).stream()
                    .map(Permission::parse)
                    .toList();
        }
    }
}

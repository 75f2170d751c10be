package com.nexo.security;

import java.util.List;
import org.springframework.stereotype.Component;

/** Permissions of identity and access administration, checked by this module's services. */
public final class AccessPermissions {

    public static final String USERS_READ = "users.read";
    public static final String USERS_CREATE = "users.create";
    public static final String USERS_EDIT = "users.edit";
    public static final String ROLES_READ = "roles.read";
    public static final String ROLES_EDIT = "roles.edit";
    public static final String SECURITY_EVENTS_READ = "security-events.read";
    /** The company's own legal data printed on documents (tenancy's {@code CompanyProfiles.EDIT}). */
    public static final String COMPANY_EDIT = "company.edit";

    private AccessPermissions() {}

    @Component
    public static class Users implements ModulePermissions {
        @Override
        public String module() {
            return "users";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(Permission.parse(USERS_READ), Permission.parse(USERS_CREATE), Permission.parse(USERS_EDIT));
        }
    }

    @Component
    public static class Roles implements ModulePermissions {
        @Override
        public String module() {
            return "roles";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(Permission.parse(ROLES_READ), Permission.parse(ROLES_EDIT));
        }
    }

    @Component
    public static class SecurityEvents implements ModulePermissions {
        @Override
        public String module() {
            return "security-events";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(Permission.parse(SECURITY_EVENTS_READ));
        }
    }

    @Component
    public static class Company implements ModulePermissions {
        @Override
        public String module() {
            return "company";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(Permission.parse(COMPANY_EDIT));
        }
    }
}

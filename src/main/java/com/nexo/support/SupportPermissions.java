package com.nexo.support;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Permissions of the back office over clients' requests. The predefined administrator and sales roles
 * carry both.
 */
public final class SupportPermissions {

    /** See the tenant's requests, their conversations and files. */
    public static final String READ = "support.read";
    /** Answer, assign and close requests. */
    public static final String ANSWER = "support.answer";

    private SupportPermissions() {}

    @Component
    static class Support implements ModulePermissions {
        @Override
        public String module() {
            return "support";
        }

        @Override
        public List<Permission> permissions() {
            return List.of(READ, ANSWER).stream().map(Permission::parse).toList();
        }
    }
}

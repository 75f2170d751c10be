package com.nexo.security.ui;

import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Users and codes for the administration tests: unique on every run, so tests never collide. */
final class AdminFixtures {

    static final String PASSWORD = "Prueba-2026!";

    private AdminFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static String uniqueEmail(String prefix) {
        return unique(prefix) + "@demo.nexo";
    }

    /** Creates an employee as the logged-in administrator. */
    static UUID createEmployee(UserService users, String email, String name, String... roleCodes) {
        return users.createUser(new NewUser(email, name, ActorType.EMPLOYEE, null, Set.of(roleCodes), PASSWORD, null));
    }
}

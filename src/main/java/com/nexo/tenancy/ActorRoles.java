package com.nexo.tenancy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * The database roles that transactions switch to, one per kind of actor ({@code nexo.db.roles.*}, the
 * same names the migrations grant to through Flyway placeholders). The application's login role is a
 * member of each and holds no privilege of its own.
 */
record ActorRoles(String staff, String client, String supplier, String professional, String operator, String visitor) {

    // Before DEFAULTS: the constructor of DEFAULTS uses it.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    static final ActorRoles DEFAULTS = new ActorRoles(
            "nexo_staff", "nexo_client", "nexo_supplier", "nexo_professional", "nexo_operator", "nexo_visitor");

    ActorRoles {
        List<String> names = List.of(
                Objects.requireNonNull(staff, "staff"),
                Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(supplier, "supplier"),
                Objects.requireNonNull(professional, "professional"),
                Objects.requireNonNull(operator, "operator"),
                Objects.requireNonNull(visitor, "visitor"));
        for (String name : names) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
            }
        }
        // One role per kind: a shared one would let one actor's grants and policies serve another.
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("The actor roles must all differ: " + names);
        }
    }

    /** The names configured under {@code nexo.db.roles}, the defaults where none is set. */
    static ActorRoles from(Environment environment) {
        return new ActorRoles(
                environment.getProperty("nexo.db.roles.staff", DEFAULTS.staff()),
                environment.getProperty("nexo.db.roles.client", DEFAULTS.client()),
                environment.getProperty("nexo.db.roles.supplier", DEFAULTS.supplier()),
                environment.getProperty("nexo.db.roles.professional", DEFAULTS.professional()),
                environment.getProperty("nexo.db.roles.operator", DEFAULTS.operator()),
                environment.getProperty("nexo.db.roles.visitor", DEFAULTS.visitor()));
    }

    /** The role a transaction of this actor runs as. System work is the tenant's own staff work. */
    String roleOf(ActorType actorType) {
        return switch (actorType) {
            case EMPLOYEE, SYSTEM -> staff;
            case CLIENT -> client;
            case SUPPLIER -> supplier;
            case PROFESSIONAL -> professional;
            case OPERATOR -> operator;
            case VISITOR -> visitor;
        };
    }

    List<String> all() {
        return List.of(staff, client, supplier, professional, operator, visitor);
    }
}

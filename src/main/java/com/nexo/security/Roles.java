package com.nexo.security;

/**
 * Role names of the actor types, for access annotations (without Spring's {@code ROLE_} prefix).
 * What a user may do inside the back office comes from permissions ({@link AccessPermissions}).
 */
public final class Roles {

    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String CLIENT = "CLIENT";
    public static final String SUPPLIER = "SUPPLIER";
    public static final String PROFESSIONAL = "PROFESSIONAL";
    public static final String OPERATOR = "OPERATOR";
    /** Background work of the application itself (start-up syncs, demo data), never a person. */
    public static final String SYSTEM = "SYSTEM";

    private Roles() {}
}

package com.nexo.security;

import com.nexo.tenancy.TenancyRoles;

/**
 * Role names of the actor types, for access annotations (without Spring's {@code ROLE_} prefix).
 * What a user may do inside the back office comes from permissions ({@link AccessPermissions} and each
 * module's {@code XxxPermissions}); these say who is acting. A method that background work calls too
 * adds {@link #SYSTEM} to its permissions: {@code @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})}.
 */
public final class Roles {

    public static final String EMPLOYEE = TenancyRoles.EMPLOYEE;
    public static final String CLIENT = TenancyRoles.CLIENT;
    public static final String SUPPLIER = TenancyRoles.SUPPLIER;
    public static final String PROFESSIONAL = TenancyRoles.PROFESSIONAL;
    public static final String OPERATOR = TenancyRoles.OPERATOR;
    /** An anonymous reader of a tenant's public content (public pages). */
    public static final String VISITOR = TenancyRoles.VISITOR;
    /** Background work for one tenant (imports, seeding, schedules, listeners). */
    public static final String SYSTEM = TenancyRoles.SYSTEM;

    private Roles() {}
}

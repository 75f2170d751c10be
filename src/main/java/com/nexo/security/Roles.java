package com.nexo.security;

/** Role names used in access annotations (without Spring's {@code ROLE_} prefix). */
public final class Roles {

    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String CLIENT = "CLIENT";
    public static final String SUPPLIER = "SUPPLIER";
    public static final String PROFESSIONAL = "PROFESSIONAL";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";

    private Roles() {}
}

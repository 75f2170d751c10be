package com.nexo.tenancy;

/**
 * The role of each {@link ActorType}, as access annotations name it ({@code @RolesAllowed}, without
 * Spring's {@code ROLE_} prefix): every authenticated principal carries exactly one of them (the
 * logged-in user its actor type, background work {@link #SYSTEM} or {@link #OPERATOR}). The security
 * module's {@code Roles} repeats them for the modules above tenancy.
 */
public final class TenancyRoles {

    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String CLIENT = "CLIENT";
    public static final String SUPPLIER = "SUPPLIER";
    public static final String PROFESSIONAL = "PROFESSIONAL";
    /** Background work for one tenant (imports, seeding, schedules, listeners). */
    public static final String SYSTEM = "SYSTEM";
    /** The platform operator, and platform work across tenants' rows. */
    public static final String OPERATOR = "OPERATOR";
    /** Anonymous reading of a tenant's public content ({@link TenantContext#callAsVisitor}). */
    public static final String VISITOR = "VISITOR";

    private TenancyRoles() {}
}

package com.nexo.tenancy;

import java.util.Locale;

/** Who is acting: the database policies read this from the transaction context. */
public enum ActorType {
    EMPLOYEE,
    CLIENT,
    SUPPLIER,
    PROFESSIONAL,
    /** Background work (imports, seeding, schedules) done on behalf of a tenant. */
    SYSTEM,
    /** The platform operator, who manages tenants but never sees their business data. */
    OPERATOR,
    /**
     * Someone on the internet, not logged in, reading what a tenant published to the public (its
     * public pages): bound to that tenant, with no user and no party.
     */
    VISITOR;

    /** The value stored in the database and in the {@code nexo.actor_type} setting. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActorType fromDbValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isExternal() {
        return this == CLIENT || this == SUPPLIER || this == PROFESSIONAL;
    }
}

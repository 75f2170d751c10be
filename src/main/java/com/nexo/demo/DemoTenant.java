package com.nexo.demo;

import java.util.UUID;

/**
 * The demo tenants. Ids are fixed, so the demo is the same on every machine and other modules' demo
 * data can refer to them.
 */
public enum DemoTenant {

    /** A Spanish metalworking shop with one user per actor type. */
    DEMO(UUID.fromString("0195f3a0-0000-7000-8000-000000000001"), "demo", "Talleres Nexo Demo, S.L.", "es"),

    /** An English trading company with an administrator only, so that isolation is visible too. */
    NORTHWIND(UUID.fromString("0195f3a0-0000-7000-8000-000000000002"), "northwind", "Northwind Trading Ltd.", "en");

    /** The account the demo tenant's client user acts for. */
    public static final UUID CLIENT_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000c1");

    /** The account the demo tenant's supplier user acts for. */
    public static final UUID SUPPLIER_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000d1");

    /** The account the demo tenant's professional user acts for. */
    public static final UUID PROFESSIONAL_PARTY = UUID.fromString("0195f3a0-0000-7000-8000-0000000000e1");

    private final UUID id;
    private final String code;
    private final String displayName;
    private final String locale;

    DemoTenant(UUID id, String code, String displayName, String locale) {
        this.id = id;
        this.code = code;
        this.displayName = displayName;
        this.locale = locale;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public String locale() {
        return locale;
    }
}

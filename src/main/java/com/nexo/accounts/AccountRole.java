package com.nexo.accounts;

/** What an account is to the tenant; an account has one or more roles. */
public enum AccountRole {
    CLIENT,
    SUPPLIER,
    PROSPECT,
    PROFESSIONAL
}

package com.nexo.accounts.account;

/** What an account is to the tenant; an account has one or more roles. */
public enum AccountRole {
    CLIENT,
    SUPPLIER,
    PROSPECT,
    PROFESSIONAL
}

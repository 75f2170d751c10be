package com.nexo.accounts.account;

/** What an address of an account is used for. */
public enum AddressType {
    BILLING,
    SHIPPING,
    OFFICE,
    OTHER
}

package com.nexo.accounts.account;

/** Whether an account is an organisation (a company, an association) or an individual person. */
public enum AccountKind {
    ORGANIZATION,
    INDIVIDUAL
}

/**
 * Accounts: the organisations and people a tenant deals with — clients, suppliers, prospects and
 * professionals — with their contacts. Every other module refers to an account by its id. The account
 * is also the "party" of portal users: {@code app_user.party_id} of a client, supplier or professional
 * is an account id.
 *
 * <p>This package is what other modules may use: {@link com.nexo.accounts.AccountDirectory} (is an
 * account a supplier, accounts' names), {@link com.nexo.accounts.AccountReferences} (the interface a
 * module implements when its records refer to accounts, so that deleting archives and merging moves
 * them) and {@link com.nexo.accounts.AccountPermissions}. The rest is internal, by sub-feature: {@code
 * account} (one account: entity, form, rules, duplicates, tax ids), {@code search} (lists, filters,
 * sorts, keyset pages, counts), {@code filters} (saved filters), {@code contacts}, {@code merge},
 * {@code export}, {@code imports} (the import centre's target for accounts and their contacts, an
 * {@link com.nexo.imports.ImportTarget} bean), {@code demo} (the demo tenants' accounts) and {@code ui}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"base", "demo", "history", "imports", "security"})
package com.nexo.accounts;

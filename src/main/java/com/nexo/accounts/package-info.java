/**
 * Accounts: the organisations and people a tenant deals with — clients, suppliers, prospects and
 * professionals — with their contacts. {@link com.nexo.accounts.AccountService} is the module's API;
 * every other module refers to an account by its id. The account is also the "party" of portal
 * users: {@code app_user.party_id} of a client, supplier or professional is an account id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package com.nexo.accounts;

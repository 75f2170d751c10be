/** One account: the entity and its form, the rules every account service shares (not found, stale versions, validation), codes, duplicate warnings, tax ids, archive and delete, and the records that refer to an account. */
package com.nexo.accounts.account;

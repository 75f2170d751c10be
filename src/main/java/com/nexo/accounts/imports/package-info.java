/** Accounts and their contacts imported from a spreadsheet: the import centre's target for accounts (fields, matching by code or tax id, set-based apply and undo of a batch). */
package com.nexo.accounts.imports;

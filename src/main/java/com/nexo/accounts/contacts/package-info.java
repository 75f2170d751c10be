/** The people of an account, with at most one primary contact. */
package com.nexo.accounts.contacts;

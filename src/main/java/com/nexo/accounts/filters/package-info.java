/** Each user's saved filters of the account list. */
package com.nexo.accounts.filters;

/** Account lists that scale: filters, whitelisted sorts, keyset and offset pages, the quick search in tiers and counts that are exact up to a limit and estimated beyond it. */
package com.nexo.accounts.search;

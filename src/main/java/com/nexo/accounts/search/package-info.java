/**
 * Account lists that scale, through {@code base.paging.ListQuery}: filters, the whitelisted orders of
 * {@link com.nexo.accounts.search.AccountSort}, keyset pages (relevance pages by position over the
 * capped matches of the quick search in tiers), counts that are exact up to a limit and estimated
 * beyond it, and the new clients of the dashboard.
 */
package com.nexo.accounts.search;

/** Merging a duplicate account into the one that stays: chosen values, contacts and referring records move over. */
package com.nexo.accounts.merge;

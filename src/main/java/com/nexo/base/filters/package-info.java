/**
 * Each user's saved filters of any list (accounts, each kind of sales document...): one store for
 * every module, keyed by the list's name; the module keeps what a filter means (its JSON definition)
 * and the permission to use it.
 */
package com.nexo.base.filters;

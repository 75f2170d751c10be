/**
 * The article page's read model: one service call returns everything an article's page shows (its
 * data, category, unit, supplier's name, stock and history with the names it refers to), read in one
 * transaction.
 */
package com.nexo.articles.pages;

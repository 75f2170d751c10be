/** The category tree: a materialised path per category, so that a branch moves in one statement and a list covers a whole subtree. */
package com.nexo.articles.categories;

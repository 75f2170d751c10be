/** Stock counts: a warehouse or a category branch counted line by line, and the differences posted as adjustments. */
package com.nexo.articles.counts;

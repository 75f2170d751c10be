/** Units of measure and their conversion within a kind; the standard units every tenant gets. */
package com.nexo.articles.units;

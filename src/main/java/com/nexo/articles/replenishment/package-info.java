/** Minimum and maximum stock per article and warehouse, and the list of what is below its minimum with the quantity to order and the default supplier. */
package com.nexo.articles.replenishment;

/** Warehouses and their locations. */
package com.nexo.articles.warehouses;

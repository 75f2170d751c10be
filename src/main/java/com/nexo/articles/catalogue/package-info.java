/** The catalogue: articles in two languages with barcodes and pictures, their lists and quick search, and articles as the default supplier's references. */
package com.nexo.articles.catalogue;

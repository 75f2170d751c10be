package com.nexo.articles.stock;

import org.springframework.modulith.NamedInterface;

/** The orders the stock of a warehouse may be listed in. */
@NamedInterface("stock")
public enum StockSort {
    /** By article code. */
    ARTICLE
}

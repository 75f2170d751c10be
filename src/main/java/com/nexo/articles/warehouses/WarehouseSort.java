package com.nexo.articles.warehouses;

/** The orders the list of warehouses may be read in. */
public enum WarehouseSort {
    CODE,
    NAME
}

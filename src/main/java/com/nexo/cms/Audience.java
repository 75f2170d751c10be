package com.nexo.cms;

/**
 * Who an item (or a document folder) is published to; an item may have several. Each maps to a
 * {@code for_*} column that the policies of its database role read.
 */
public enum Audience {
    /** Employees: all of them, or holders of the item's chosen roles. */
    INTERNAL,
    CLIENTS,
    SUPPLIERS,
    PROFESSIONALS,
    /** Anyone, without login: public pages. */
    PUBLIC
}

package com.nexo.production.boms;

/**
 * What a line of a bill brings: a MATERIAL (an input, or a sub-assembly when its article has a bill of
 * its own) in units per unit made, or a SERVICE in hours per unit made.
 */
public enum LineKind {
    MATERIAL,
    SERVICE
}

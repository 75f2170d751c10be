package com.nexo.production.boms;

/** Where a version of a bill stands: edited (DRAFT), in force on its dates (ACTIVE), or retired (ARCHIVED). */
public enum BomStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED
}

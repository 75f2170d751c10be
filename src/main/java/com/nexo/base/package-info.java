/**
 * Shared building blocks every module may use: the base class of tenant-owned entities and
 * identifiers. Kept small on purpose; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Base",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package com.nexo.base;

package com.nexo.demo;

/**
 * A module's demo data. Each module that has some declares a bean of this type (in its own {@code
 * demo} sub-package, conditional on {@code nexo.demo.enabled}), so that its data is made through its
 * own services and this module needs none of them. The seeder calls the beans in their {@code @Order}
 * (a module's data after the data it refers to) once the demo tenants and users exist.
 */
public interface DemoData {

    /**
     * Seeds this module's data in the tenant, if the tenant does not have it yet. Runs as system work
     * bound to the tenant, on every start-up with demo data on, so it must leave seeded data alone.
     */
    void seed(DemoTenant tenant);
}

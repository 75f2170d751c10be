/**
 * Demo data: a tenant with one user per actor type and sample data for every module that exists,
 * created at start-up when {@code nexo.demo.enabled} is set (development and tests).
 *
 * <p>This module creates the demo tenants and their users; each business module seeds its own data
 * through its own services, behind the {@link com.nexo.demo.DemoData} interface defined here, so that
 * this module needs no module's internals and a new module adds its demo data without touching it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"security", "tenancy"})
package com.nexo.demo;

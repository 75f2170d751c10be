/**
 * Demo data: a tenant with one user per actor type and sample data for every module that exists,
 * created at start-up when {@code nexo.demo.enabled} is set (development and tests).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package com.nexo.demo;

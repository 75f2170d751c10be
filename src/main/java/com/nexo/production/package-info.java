/**
 * Production: bills of materials with versions (inputs, sub-assemblies to any depth and services),
 * their explosion, where-used and standard-cost roll-up; production orders that reserve their inputs,
 * make child orders for missing sub-assemblies, record consumption, output and scrap and close with
 * actual against standard cost; the service tasks of an order with the time employees and
 * professionals record on them; the shortage list and the shop-floor screen for tablets.
 *
 * <p>Articles, warehouses and stock are used through the articles module's API ({@code ArticleDirectory}
 * and the named interface {@code stock}: reservations, issues and receipts at cost, every movement
 * naming its order); professionals are accounts read through {@code AccountDirectory}, employees are
 * users read through {@code UserDirectory}. This package is what other modules may use ({@link
 * com.nexo.production.ProductionPermissions}); the rest is internal, by sub-feature: {@code boms}
 * (bills, explosion, where-used, roll-up), {@code orders} (orders and their flow, shortages),
 * {@code work} (work centres, workers and their rates, tasks and time, files tied to tasks),
 * {@code floor} (the shop-floor screen's reads), {@code portal} (the professional portal: its jobs,
 * time and pay, under the professional's own row-level security), {@code demo} and {@code ui}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Production",
        allowedDependencies = {
            "accounts",
            "articles",
            "articles::stock",
            "base",
            "demo",
            "history",
            "security",
            "tenancy"
        })
package com.nexo.production;

/** The demo tenant's catalogue, warehouses and two months of movements, seeded through this module's own services. */
package com.nexo.articles.demo;

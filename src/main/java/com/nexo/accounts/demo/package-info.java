/** The demo tenants' accounts and contacts, seeded through this module's own services. */
package com.nexo.accounts.demo;

/** Platform operators: their accounts (the first one created at start-up) and the provisioning of new tenants with their first administrator. */
package com.nexo.security.operators;

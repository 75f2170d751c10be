/** Roles and permissions: the catalogue of every module's permissions, the predefined roles kept in step with it, and the tenant's own roles. */
package com.nexo.security.roles;

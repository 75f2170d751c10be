/** Users of a tenant as stored: the entity, its repository, and what a user may hand on to others (delegation limits). */
package com.nexo.security.users;

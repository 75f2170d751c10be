package com.nexo.tenancy;

/**
 * Implemented by the authenticated principal: the transaction manager binds every transaction of a
 * web request to the context it returns.
 */
public interface ActorPrincipal {

    DatabaseContext databaseContext();
}

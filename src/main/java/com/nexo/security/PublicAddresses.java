package com.nexo.security;

import java.util.List;

/**
 * Addresses a module serves outside the Vaadin UI, contributed as beans so that the security
 * configuration opens them without naming the module. Patterns are Spring path patterns
 * ({@code /p/**}).
 */
public interface PublicAddresses {

    /**
     * Open to anyone without login, and served without a session: nothing of a logged-in user is read
     * or written for them (no session, no cookie), so they are cacheable by anyone. The controller
     * decides what an anonymous visitor may read.
     */
    default List<String> open() {
        return List.of();
    }

    /**
     * Open to any logged-in user, employee or portal actor; anyone else is sent to the login page. The
     * controller and the services it calls check the rest.
     */
    default List<String> loggedIn() {
        return List.of();
    }
}

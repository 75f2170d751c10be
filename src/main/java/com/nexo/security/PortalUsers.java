package com.nexo.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal users (clients, suppliers, professionals) that belong to a party, the account they act
 * for ({@code app_user.party_id}). The accounts module counts them before it deletes an account and
 * moves them when it merges one into another; it checks its own permission for that, and this service
 * only requires staff or system work. Joins the caller's transaction, under its row-level security.
 */
@Service
public class PortalUsers {

    private final JdbcClient jdbc;

    PortalUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many users act for this party. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public long countOfParty(UUID partyId) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE party_id = :party")
                .param("party", partyId)
                .query(Long.class)
                .single();
    }

    /** Makes every user of party {@code from} a user of party {@code to}. Returns how many moved. */
    @Transactional
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public int moveParty(UUID from, UUID to) {
        return jdbc.sql("UPDATE app_user SET party_id = :to, updated_at = now() WHERE party_id = :from")
                .param("to", to)
                .param("from", from)
                .update();
    }
}

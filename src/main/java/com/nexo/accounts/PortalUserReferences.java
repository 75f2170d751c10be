package com.nexo.accounts;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Portal users (clients, suppliers, professionals) belong to an account through
 * {@code app_user.party_id}. The security module cannot depend on this one (accounts already depends
 * on security for its permissions), so the accounts module moves those references itself.
 */
@Component
class PortalUserReferences implements AccountReferences {

    private final JdbcTemplate jdbc;

    PortalUserReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(UUID accountId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE party_id = ?", Long.class, accountId);
        return count == null ? 0 : count;
    }

    @Override
    public void move(UUID from, UUID to) {
        jdbc.update("UPDATE app_user SET party_id = ?, updated_at = now() WHERE party_id = ?", to, from);
    }
}

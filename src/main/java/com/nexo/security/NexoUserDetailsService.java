package com.nexo.security;

import com.nexo.tenancy.ActorType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds a user for login through {@code nexo_login_lookup}, the one database function that may look
 * across tenants, and only for this purpose. A suspended tenant's users come back disabled.
 */
@Service
class NexoUserDetailsService implements UserDetailsService {

    private final JdbcTemplate jdbc;

    NexoUserDetailsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        List<NexoUser> found = jdbc.query(
                "SELECT * FROM nexo_login_lookup(?)",
                (row, i) -> new NexoUser(
                        row.getObject("user_id", UUID.class),
                        row.getObject("tenant_id", UUID.class),
                        row.getString("email"),
                        row.getString("display_name"),
                        ActorType.fromDbValue(row.getString("actor_type")),
                        row.getObject("party_id", UUID.class),
                        row.getBoolean("tenant_admin"),
                        row.getBoolean("user_enabled") && row.getBoolean("tenant_active"),
                        Locale.forLanguageTag(row.getString("locale")),
                        row.getString("password_hash")),
                email == null ? "" : email.strip());
        if (found.isEmpty() || found.getFirst().getPassword() == null) {
            throw new UsernameNotFoundException("No user may log in with this e-mail");
        }
        return found.getFirst();
    }
}

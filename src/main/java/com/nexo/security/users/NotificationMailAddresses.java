package com.nexo.security.users;

import com.nexo.base.notifications.NotificationAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where base's notifications mail a user: its login address, in the language it chose (Spanish when it
 * never chose). Only enabled employees of the current tenant (row-level security) get mail; runs in
 * the notifying transaction, whose module has checked its permission.
 */
@Component
class NotificationMailAddresses implements NotificationAddresses {

    private final JdbcClient jdbc;

    NotificationMailAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Optional<MailAddress> addressOf(UUID userId) {
        return jdbc.sql("SELECT email, locale FROM app_user WHERE id = :id AND enabled AND actor_type = 'employee'")
                .param("id", userId)
                .query((row, i) -> new MailAddress(
                        row.getString("email"),
                        row.getString("locale") == null ? Locale.of("es") : Locale.of(row.getString("locale"))))
                .optional();
    }
}

package com.nexo.base.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a user of the current tenant reads its mail, and in which language: the users module answers
 * (base knows no users), inside the caller's transaction and its row-level security context.
 */
public interface NotificationAddresses {

    /** A user's e-mail address and language. */
    record MailAddress(String email, Locale locale) {}

    /** The address of an enabled user of the current tenant; empty when there is none. */
    Optional<MailAddress> addressOf(UUID userId);
}

package com.nexo.base.mail;

import java.util.List;

/**
 * A mail that was not sent: the server refused it ({@code mail.error.refused}, with the server's
 * answer as argument), could not be reached ({@code mail.error.unavailable}), or an address is not one
 * ({@code mail.error.invalid-address}). Carries the translation key and arguments of the message the
 * user reads; nothing was sent to anyone.
 */
public class MailDeliveryException extends RuntimeException {

    public static final String REFUSED = "mail.error.refused";
    public static final String UNAVAILABLE = "mail.error.unavailable";
    public static final String INVALID_ADDRESS = "mail.error.invalid-address";

    private final String messageKey;
    private final List<Object> arguments;

    public MailDeliveryException(String messageKey, Throwable cause, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)), cause);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}

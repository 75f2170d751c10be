package com.nexo.base.mail;

import java.util.List;

/**
 * A mail that was not sent: the server refused it ({@code mail.error.refused}, with the server's
 * answer as argument), could not be reached ({@code mail.error.unavailable}), or an address is not one
 * ({@code mail.error.invalid-address}, with the address). Carries the translation key and arguments of
 * the message the user reads; nothing was sent to anyone.
 */
public class MailDeliveryException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    private MailDeliveryException(String messageKey, Throwable cause, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)), cause);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The server answered with a refusal ({@code answer}, as it said it). */
    static MailDeliveryException refused(Throwable cause, String answer) {
        String messageKey = "mail.error.refused";
        return new MailDeliveryException(messageKey, cause, answer);
    }

    /** The server could not be reached, did not answer in time, or refused the installation's login. */
    static MailDeliveryException unavailable(Throwable cause) {
        String messageKey = "mail.error.unavailable";
        return new MailDeliveryException(messageKey, cause);
    }

    /** {@code address} is not an e-mail address. */
    static MailDeliveryException invalidAddress(Throwable cause, String address) {
        String messageKey = "mail.error.invalid-address";
        return new MailDeliveryException(messageKey, cause, address);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}

package com.nexo.sales;

/**
 * A request the sales rules refuse (a step the document's state does not allow, not enough stock,
 * an expired quote, a taken price-list name, a concurrent change). Carries the translation key of the
 * message the user reads, its arguments and, for a refusal about one field of a form, that field;
 * nothing has changed when it is thrown.
 */
public class SalesRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public SalesRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private SalesRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** A refusal about one property of a form ({@code name}, {@code minQuantity}...). */
    public static SalesRuleException onField(String field, String messageKey, Object... arguments) {
        return new SalesRuleException(field, messageKey, arguments);
    }

    /** The form property the message belongs to, or null for the request as a whole. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

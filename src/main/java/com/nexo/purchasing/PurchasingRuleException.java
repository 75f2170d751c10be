package com.nexo.purchasing;

/**
 * A request the purchasing rules refuse (a step the document's state does not allow, an order above
 * the approval threshold sent unapproved, more received than ordered, a concurrent change). Carries the translation key of the
 * message the user reads, its arguments and, for a refusal about one field of a form, that field;
 * nothing has changed when it is thrown.
 */
public class PurchasingRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public PurchasingRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private PurchasingRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** A refusal about one property of a form ({@code name}, {@code minQuantity}...). */
    public static PurchasingRuleException onField(String field, String messageKey, Object... arguments) {
        return new PurchasingRuleException(field, messageKey, arguments);
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

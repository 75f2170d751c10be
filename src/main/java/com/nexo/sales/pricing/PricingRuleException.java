package com.nexo.sales.pricing;

/**
 * A request about price lists or clients' terms that breaks a rule (a taken name, a second default
 * list, a break already priced, a record someone else changed meanwhile). Carries the translation
 * key of the message the user reads, and the form property it concerns when there is one.
 */
public class PricingRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public PricingRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private PricingRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** A refusal about one property of a form ({@code name}, {@code minQuantity}...). */
    public static PricingRuleException onField(String field, String messageKey, Object... arguments) {
        return new PricingRuleException(field, messageKey, arguments);
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

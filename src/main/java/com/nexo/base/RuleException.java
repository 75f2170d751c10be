package com.nexo.base;

/**
 * A request a module's rules refuse, with nothing changed: the translation key of the message the
 * user reads (in the module's own keys), its arguments and, for a refusal about one field of a form,
 * that field's property name. Each module throws its own subclass, so that a view catches only its
 * module's refusals.
 */
public abstract class RuleException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    protected RuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
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

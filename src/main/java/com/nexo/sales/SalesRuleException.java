package com.nexo.sales;

/**
 * A request the sales rules refuse (a step the document's state does not allow, not enough stock,
 * an expired quote, a concurrent change). Carries the translation key of the message the user reads
 * and its arguments; nothing has changed when it is thrown.
 */
public class SalesRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public SalesRuleException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

package com.nexo.security;

/**
 * A request that breaks a rule of identity and access (a taken code, a weak password, a predefined
 * role edited). Carries the translation key of the message the user reads.
 */
public class AccessRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public AccessRuleException(String messageKey, Object... arguments) {
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

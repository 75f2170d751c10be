package com.nexo.accounts.account;

/**
 * A request the accounts module refuses (a taken code, an invalid value, an account that is not
 * there). Carries the translation key of the message the user reads, and the field it concerns
 * when there is one (the property name of the form).
 */
public class AccountRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public AccountRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private AccountRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** A refusal about one field of the form ({@code legalName}, {@code taxId}...). */
    public static AccountRuleException onField(String field, String messageKey, Object... arguments) {
        return new AccountRuleException(field, messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form property the message belongs to, or null for the form as a whole. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

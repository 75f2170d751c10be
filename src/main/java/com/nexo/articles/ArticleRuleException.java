package com.nexo.articles;

/**
 * A request that breaks a rule of the catalogue or of the stock (a taken code, an invalid barcode,
 * not enough stock). Carries the translation key of the message the user reads.
 */
public class ArticleRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public ArticleRuleException(String messageKey, Object... arguments) {
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

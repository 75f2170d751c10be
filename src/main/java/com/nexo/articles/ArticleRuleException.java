package com.nexo.articles;

/**
 * A request that breaks a rule of the catalogue or of the stock (a taken code, an invalid barcode,
 * not enough stock). Carries the translation key of the message the user reads.
 */
public class ArticleRuleException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public ArticleRuleException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private ArticleRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** A refusal about one field of a form (its property name: {@code code}, {@code barcode}...). */
    public static ArticleRuleException onField(String field, String messageKey, Object... arguments) {
        return new ArticleRuleException(field, messageKey, arguments);
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

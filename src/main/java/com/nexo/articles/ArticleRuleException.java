package com.nexo.articles;

import com.nexo.base.RuleException;

/**
 * A request that breaks a rule of the catalogue or of the stock (a taken code, an invalid barcode,
 * not enough stock). Carries the translation key of the message the user reads.
 */
public class ArticleRuleException extends RuleException {

    public ArticleRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private ArticleRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one field of a form (its property name: {@code code}, {@code barcode}...). */
    public static ArticleRuleException onField(String field, String messageKey, Object... arguments) {
        return new ArticleRuleException(field, messageKey, arguments);
    }
}

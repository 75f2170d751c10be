package com.nexo.sales;

import com.nexo.base.RuleException;

/**
 * A request the sales rules refuse (a step the document's state does not allow, not enough stock,
 * an expired quote, a taken price-list name, a concurrent change). Carries the translation key of the
 * message the user reads, its arguments and, for a refusal about one field of a form, that field;
 * nothing has changed when it is thrown.
 */
public class SalesRuleException extends RuleException {

    public SalesRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private SalesRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one property of a form ({@code name}, {@code minQuantity}...). */
    public static SalesRuleException onField(String field, String messageKey, Object... arguments) {
        return new SalesRuleException(field, messageKey, arguments);
    }
}

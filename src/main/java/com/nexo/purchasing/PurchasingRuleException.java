package com.nexo.purchasing;

import com.nexo.base.RuleException;

/**
 * A request the purchasing rules refuse (a step the document's state does not allow, an order above
 * the approval threshold sent unapproved, more received than ordered, a concurrent change). Carries the translation key of the
 * message the user reads, its arguments and, for a refusal about one field of a form, that field;
 * nothing has changed when it is thrown.
 */
public class PurchasingRuleException extends RuleException {

    public PurchasingRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private PurchasingRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one property of a form ({@code name}, {@code minQuantity}...). */
    public static PurchasingRuleException onField(String field, String messageKey, Object... arguments) {
        return new PurchasingRuleException(field, messageKey, arguments);
    }
}

package com.nexo.production;

import com.nexo.base.RuleException;

/**
 * A request the production rules refuse (a cycle in a bill, a step the order's state does not allow,
 * more consumed than there is, a concurrent change). Carries the translation key of the message the
 * user reads, its arguments and, for a refusal about one field of a form, that field; nothing has
 * changed when it is thrown.
 */
public class ProductionRuleException extends RuleException {

    public ProductionRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private ProductionRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one property of a form ({@code quantity}, {@code validFrom}...). */
    public static ProductionRuleException onField(String field, String messageKey, Object... arguments) {
        return new ProductionRuleException(field, messageKey, arguments);
    }
}

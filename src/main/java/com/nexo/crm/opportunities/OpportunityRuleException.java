package com.nexo.crm.opportunities;

import com.nexo.base.RuleException;

/**
 * A change of an opportunity that the rules refuse, with nothing changed: someone saved it first,
 * a stage of another pipeline, a lost reason missing, a closed opportunity moved, one the user does
 * not see... Carries the translation key of the message the user reads and, for a form, the field.
 */
public class OpportunityRuleException extends RuleException {

    public OpportunityRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private OpportunityRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    public static OpportunityRuleException onField(String field, String messageKey, Object... arguments) {
        return new OpportunityRuleException(field, messageKey, arguments);
    }

    /** Someone else changed the opportunity since it was read. */
    public static OpportunityRuleException stale() {
        return new OpportunityRuleException("crm.opportunity.error.stale");
    }
}

package com.nexo.crm.leads;

import com.nexo.base.RuleException;

/** A change of a lead the rules refuse, nothing changed: a translated key ({@code crm.leads.*}) and the field. */
public class LeadRuleException extends RuleException {

    public LeadRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private LeadRuleException(String field, String messageKey, Object[] arguments, boolean onField) {
        super(field, messageKey, arguments);
    }

    public static LeadRuleException onField(String field, String messageKey, Object... arguments) {
        return new LeadRuleException(field, messageKey, arguments, true);
    }
}

package com.nexo.support;

import com.nexo.base.RuleException;

/** A request about support requests that the rules refuse; nothing was changed. */
public class SupportRuleException extends RuleException {

    public SupportRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private SupportRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one field of a form. */
    public static SupportRuleException onField(String field, String messageKey, Object... arguments) {
        return new SupportRuleException(field, messageKey, arguments);
    }
}

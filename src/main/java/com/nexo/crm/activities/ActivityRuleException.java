package com.nexo.crm.activities;

import com.nexo.base.RuleException;

/** A change to an activity that the CRM's rules refuse, with nothing changed. */
public class ActivityRuleException extends RuleException {

    public ActivityRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private ActivityRuleException(String field, String messageKey, Object[] arguments, boolean onField) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one field of the form. */
    public static ActivityRuleException onField(String field, String messageKey, Object... arguments) {
        return new ActivityRuleException(field, messageKey, arguments, true);
    }

    /** Someone else changed or deleted the activity since it was read. */
    public static ActivityRuleException changed() {
        return new ActivityRuleException("crm.activities.error.changed");
    }

    static ActivityRuleException notFound() {
        return new ActivityRuleException("crm.activities.error.not-found");
    }
}

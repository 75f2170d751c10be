package com.nexo.crm.forecast;

import com.nexo.base.RuleException;

/** A change of targets the forecast's rules refuse; nothing has changed when it is thrown. */
public class ForecastRuleException extends RuleException {

    public ForecastRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }
}

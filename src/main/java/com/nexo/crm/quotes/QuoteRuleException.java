package com.nexo.crm.quotes;

import com.nexo.base.RuleException;

/** A quote step the CRM's rules refuse; nothing has changed when it is thrown. */
public class QuoteRuleException extends RuleException {

    public QuoteRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }
}

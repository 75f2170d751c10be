package com.nexo.imports.jobs;

import com.nexo.base.RuleException;

/** A request the import centre refuses, with the message key of why (shown in the user's language). */
public class ImportRuleException extends RuleException {

    public ImportRuleException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }
}

package com.nexo.crm.pipelines;

import com.nexo.base.RuleException;

/**
 * A change of the CRM settings (pipelines, stages, lost reasons, teams) that the rules refuse, with
 * nothing changed: the translation key of the message the user reads and its arguments.
 */
public class PipelineRuleException extends RuleException {

    public PipelineRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }
}

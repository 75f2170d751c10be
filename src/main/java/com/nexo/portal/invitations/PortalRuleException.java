package com.nexo.portal.invitations;

import com.nexo.base.RuleException;

/** A portal access request the rules refuse, nothing changed: the key of the message the user reads. */
public class PortalRuleException extends RuleException {

    public PortalRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }
}

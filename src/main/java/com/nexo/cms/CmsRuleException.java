package com.nexo.cms;

import com.nexo.base.RuleException;

/**
 * A request the CMS rules refuse (a slug taken, a file too large or of a type not allowed, a concurrent
 * change, a folder the user may not edit). Carries the translation key of the message the user reads,
 * its arguments and, for a refusal about one field of a form, that field; nothing has changed when it
 * is thrown.
 */
public class CmsRuleException extends RuleException {

    public CmsRuleException(String messageKey, Object... arguments) {
        super(null, messageKey, arguments);
    }

    private CmsRuleException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /** A refusal about one property of a form ({@code slug}, {@code title}...). */
    public static CmsRuleException onField(String field, String messageKey, Object... arguments) {
        return new CmsRuleException(field, messageKey, arguments);
    }
}

package com.nexo.accounts;

import com.nexo.base.RuleException;

/**
 * The accounts module refused to create an account or contact another module asked for (an invalid
 * tax id, a name too long...): the translation key (an {@code accounts.*} key) and the form field.
 */
public class PartyRefusedException extends RuleException {

    PartyRefusedException(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}

package com.nexo.articles.imports;

import com.nexo.imports.Refusal;

/**
 * A row of an import that breaks a rule of the catalogue or the stock: thrown while a batch is read
 * and caught by the same target, which refuses that row (never beyond it).
 */
final class RowRuleException extends RuntimeException {

    private final transient Refusal refusal;

    /** The message key first, then the field at fault (null: the row) and the message's arguments. */
    RowRuleException(String messageKey, String field, Object... args) {
        super(messageKey, null, false, false);
        this.refusal = Refusal.of(field, messageKey, args);
    }

    Refusal refusal() {
        return refusal;
    }
}

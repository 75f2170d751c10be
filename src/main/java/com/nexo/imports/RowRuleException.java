package com.nexo.imports;

/**
 * A row of an import that breaks a rule of its target: thrown while a target reads a batch and caught
 * by the same target, which refuses that row (never beyond it) with {@link #refusal()}.
 */
public final class RowRuleException extends RuntimeException {

    private final transient Refusal refusal;

    /** The message key first, then the field at fault (null: the row) and the message's arguments. */
    public RowRuleException(String messageKey, String field, Object... args) {
        super(messageKey, null, false, false);
        this.refusal = Refusal.of(field, messageKey, args);
    }

    public Refusal refusal() {
        return refusal;
    }
}

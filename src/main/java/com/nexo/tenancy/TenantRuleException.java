package com.nexo.tenancy;

/**
 * A request that breaks a rule of the tenant registry (a taken code, a blank name). Carries the
 * translation key of the message the user reads.
 */
public class TenantRuleException extends RuntimeException {

    private final String messageKey;

    public TenantRuleException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

package com.nexo.accounts.account;

/** When an account pays or is paid. */
public enum PaymentTerms {
    IMMEDIATE(0),
    NET_15(15),
    NET_30(30),
    NET_45(45),
    NET_60(60),
    NET_90(90);

    private final int days;

    PaymentTerms(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}

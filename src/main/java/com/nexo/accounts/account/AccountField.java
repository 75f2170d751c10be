package com.nexo.accounts.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of an account as users see them: the column each is stored in (history and conflict
 * details name columns) and the translation key of its label ({@code accounts.field.legal-name}).
 */
public enum AccountField {
    CODE("code"),
    KIND("kind"),
    ROLES("roles"),
    LEGAL_NAME("legal_name"),
    TRADE_NAME("trade_name"),
    TAX_ID("tax_id"),
    COUNTRY("country"),
    ADDRESSES("addresses"),
    EMAILS("emails"),
    PHONES("phones"),
    WEBSITE("website"),
    PAYMENT_TERMS("payment_terms"),
    CREDIT_LIMIT("credit_limit"),
    CURRENCY("currency"),
    LANGUAGE("language"),
    TAGS("tags"),
    NOTES("notes"),
    OWNER("owner_id"),
    ARCHIVED("archived"),
    MERGED_INTO("merged_into");

    private final String column;

    AccountField(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** The translation key of the field's label. */
    public String labelKey() {
        return "accounts.field." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field stored in this column of the account table, if it is one users see. */
    public static Optional<AccountField> ofColumn(String column) {
        return Arrays.stream(values()).filter(f -> f.column.equals(column)).findFirst();
    }
}

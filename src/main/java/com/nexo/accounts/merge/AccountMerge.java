package com.nexo.accounts.merge;

import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.Address;
import com.nexo.accounts.account.PaymentTerms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of merging two accounts, without a database: which value each field keeps.
 *
 * <ul>
 *   <li>A field the user chose takes the chosen side's value.
 *   <li>Otherwise lists and sets are united (roles, tags, e-mails, phones, addresses: the survivor's
 *       first, no duplicates), notes are joined, and single values keep the survivor's unless it is
 *       empty, then the loser's.
 *   <li>The code is always the survivor's (codes are unique), and so are id and version.
 * </ul>
 */
public final class AccountMerge {

    private AccountMerge() {}

    /** The fields where the two accounts hold different values (what a merge dialog shows). */
    public static List<AccountField> differences(AccountForm survivor, AccountForm loser) {
        List<AccountField> different = new ArrayList<>();
        for (AccountField field : mergeableFields()) {
            if (!Objects.equals(value(survivor, field), value(loser, field))) {
                different.add(field);
            }
        }
        return different;
    }

    /** The fields a user may choose a side for. */
    public static Set<AccountField> mergeableFields() {
        return EnumSet.complementOf(EnumSet.of(AccountField.CODE, AccountField.ARCHIVED, AccountField.MERGED_INTO));
    }

    /** The merged values; {@code survivor} and {@code loser} are left untouched. */
    public static AccountForm merge(AccountForm survivor, AccountForm loser, Map<AccountField, MergeSide> choices) {
        AccountForm result = survivor.copy();
        for (AccountField field : mergeableFields()) {
            MergeSide side = choices.get(field);
            if (side == MergeSide.LOSER) {
                set(result, field, value(loser, field));
            } else if (side == null) {
                set(result, field, defaultValue(field, survivor, loser));
            }
        }
        return result;
    }

    private static Object defaultValue(AccountField field, AccountForm survivor, AccountForm loser) {
        Object mine = value(survivor, field);
        Object theirs = value(loser, field);
        return switch (field) {
            case ROLES -> {
                EnumSet<AccountRole> roles =
                        EnumSet.copyOf(survivor.getRoles().isEmpty() ? loser.getRoles() : survivor.getRoles());
                roles.addAll(loser.getRoles());
                // A prospect that turns out to be a known client is no longer a prospect.
                if (roles.size() > 1 && (roles.contains(AccountRole.CLIENT))) {
                    roles.remove(AccountRole.PROSPECT);
                }
                yield roles;
            }
            case TAGS -> union(survivor.getTags(), loser.getTags());
            case EMAILS -> new ArrayList<>(unionIgnoringCase(survivor.getEmails(), loser.getEmails()));
            case PHONES -> new ArrayList<>(union(survivor.getPhones(), loser.getPhones()));
            case ADDRESSES -> new ArrayList<>(union(survivor.getAddresses(), loser.getAddresses()));
            case NOTES -> joinNotes(survivor.getNotes(), loser.getNotes());
            default -> isEmpty(mine) ? theirs : mine;
        };
    }

    private static <T> LinkedHashSet<T> union(java.util.Collection<T> first, java.util.Collection<T> second) {
        LinkedHashSet<T> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    private static LinkedHashSet<String> unionIgnoringCase(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String value : union(first, second)) {
            if (seen.add(value.toLowerCase(java.util.Locale.ROOT))) {
                all.add(value);
            }
        }
        return all;
    }

    private static String joinNotes(String mine, String theirs) {
        if (isEmpty(theirs) || Objects.equals(mine, theirs)) {
            return mine;
        }
        if (isEmpty(mine)) {
            return theirs;
        }
        return mine + "\n\n" + theirs;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof java.util.Collection<?> collection && collection.isEmpty());
    }

    static Object value(AccountForm form, AccountField field) {
        return switch (field) {
            case CODE -> form.getCode();
            case KIND -> form.getKind();
            case ROLES -> form.getRoles();
            case LEGAL_NAME -> form.getLegalName();
            case TRADE_NAME -> form.getTradeName();
            case TAX_ID -> form.getTaxId();
            case COUNTRY -> form.getCountry();
            case ADDRESSES -> form.getAddresses();
            case EMAILS -> form.getEmails();
            case PHONES -> form.getPhones();
            case WEBSITE -> form.getWebsite();
            case PAYMENT_TERMS -> form.getPaymentTerms();
            case CREDIT_LIMIT -> form.getCreditLimit();
            case CURRENCY -> form.getCurrency();
            case LANGUAGE -> form.getLanguage();
            case TAGS -> form.getTags();
            case NOTES -> form.getNotes();
            case OWNER -> form.getOwnerId();
            case ARCHIVED -> form.isArchived();
            case MERGED_INTO -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static void set(AccountForm form, AccountField field, Object value) {
        switch (field) {
            case KIND -> form.setKind((AccountKind) value);
            case ROLES -> form.setRoles((Set<AccountRole>) value);
            case LEGAL_NAME -> form.setLegalName((String) value);
            case TRADE_NAME -> form.setTradeName((String) value);
            case TAX_ID -> form.setTaxId((String) value);
            case COUNTRY -> form.setCountry((String) value);
            case ADDRESSES -> form.setAddresses((List<Address>) value);
            case EMAILS -> form.setEmails((List<String>) value);
            case PHONES -> form.setPhones((List<String>) value);
            case WEBSITE -> form.setWebsite((String) value);
            case PAYMENT_TERMS -> form.setPaymentTerms((PaymentTerms) value);
            case CREDIT_LIMIT -> form.setCreditLimit((java.math.BigDecimal) value);
            case CURRENCY -> form.setCurrency((String) value);
            case LANGUAGE -> form.setLanguage((String) value);
            case TAGS -> form.setTags((Set<String>) value);
            case NOTES -> form.setNotes((String) value);
            case OWNER -> form.setOwnerId((java.util.UUID) value);
            case CODE, ARCHIVED, MERGED_INTO -> {
                // Not merged: the survivor's code and state stay.
            }
        }
    }
}

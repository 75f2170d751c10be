package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.Address;
import com.nexo.accounts.account.AddressType;
import com.nexo.accounts.account.DuplicateCandidate;
import com.nexo.accounts.account.PaymentTerms;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How the accounts screens name things in the reader's language: roles, kinds, address types,
 * payment terms, countries, languages, fields, and any account value as text (for the detail page,
 * the conflict notice and the merge dialog).
 */
final class AccountLabels {

    /** Countries offered in the pickers, Spain first; ISO 3166 codes. */
    static final List<String> COUNTRIES =
            List.of("ES", "PT", "FR", "DE", "IT", "GB", "IE", "NL", "BE", "CH", "AD", "US", "MX", "AR", "CO", "CL");

    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "MXN");

    /** Languages an account or contact may be addressed in (those NEXO writes documents in). */
    static final List<String> LANGUAGES = List.of("es", "en");

    private AccountLabels() {}

    /** The language the component's page is shown in. */
    static Locale locale(Component context) {
        return context.getUI().map(ui -> ui.getLocale()).orElseGet(() -> {
            com.vaadin.flow.component.UI current = com.vaadin.flow.component.UI.getCurrent();
            return current == null ? Locale.ENGLISH : current.getLocale();
        });
    }

    static String role(Component context, AccountRole role) {
        return switch (role) {
            case CLIENT -> context.getTranslation("accounts.role.client");
            case SUPPLIER -> context.getTranslation("accounts.role.supplier");
            case PROSPECT -> context.getTranslation("accounts.role.prospect");
            case PROFESSIONAL -> context.getTranslation("accounts.role.professional");
        };
    }

    static String roles(Component context, Collection<AccountRole> roles) {
        return roles.stream().sorted().map(role -> role(context, role)).collect(Collectors.joining(", "));
    }

    static String kind(Component context, AccountKind kind) {
        return switch (kind) {
            case ORGANIZATION -> context.getTranslation("accounts.kind.organization");
            case INDIVIDUAL -> context.getTranslation("accounts.kind.individual");
        };
    }

    static String addressType(Component context, AddressType type) {
        return switch (type) {
            case BILLING -> context.getTranslation("accounts.address.billing");
            case SHIPPING -> context.getTranslation("accounts.address.shipping");
            case OFFICE -> context.getTranslation("accounts.address.office");
            case OTHER -> context.getTranslation("accounts.address.other");
        };
    }

    static String paymentTerms(Component context, PaymentTerms terms) {
        return terms == PaymentTerms.IMMEDIATE
                ? context.getTranslation("accounts.payment-terms.immediate")
                : context.getTranslation("accounts.payment-terms.days", terms.days());
    }

    static String country(Component context, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return Locale.of("", code).getDisplayCountry(locale(context));
    }

    static String language(Component context, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return "es".equals(code) ? context.getTranslation("language.es") : context.getTranslation("language.en");
    }

    static String address(Component context, Address address) {
        String place = ((address.postalCode() == null ? "" : address.postalCode()) + " "
                        + (address.city() == null ? "" : address.city()))
                .strip();
        return java.util.stream.Stream.of(
                        address.street(), place, address.region(), country(context, address.country()))
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }

    static String labelledAddress(Component context, Address address) {
        return (address.type() == null ? "" : addressType(context, address.type()) + ": ") + address(context, address);
    }

    static String field(Component context, AccountField field) {
        return context.getTranslation(field.labelKey());
    }

    static String duplicateReasons(Component context, DuplicateCandidate candidate) {
        return candidate.reasons().stream()
                .sorted()
                .map(reason -> switch (reason) {
                    case SAME_TAX_ID -> context.getTranslation("accounts.duplicates.same-tax-id", candidate.taxId());
                    case SAME_EMAIL -> context.getTranslation("accounts.duplicates.same-email");
                    case SIMILAR_NAME ->
                        context.getTranslation(
                                "accounts.duplicates.similar-name", Math.round(candidate.nameSimilarity() * 100));
                })
                .collect(Collectors.joining(" · "));
    }

    /** An amount in its currency (the reader's conventions); without a currency, a plain amount. */
    static String money(Component context, BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return currency == null ? Format.decimal(amount, 2, 2) : Format.money(amount, currency);
    }

    /** One field of an account form as a reader sees it; {@code owners} names owner ids. */
    static String value(Component context, AccountForm form, AccountField field, Map<UUID, String> owners) {
        return switch (field) {
            case CODE -> nonNull(form.getCode());
            case KIND -> form.getKind() == null ? "" : kind(context, form.getKind());
            case ROLES -> roles(context, form.getRoles());
            case LEGAL_NAME -> nonNull(form.getLegalName());
            case TRADE_NAME -> nonNull(form.getTradeName());
            case TAX_ID -> nonNull(form.getTaxId());
            case COUNTRY -> country(context, form.getCountry());
            case ADDRESSES ->
                form.getAddresses().stream()
                        .map(address -> labelledAddress(context, address))
                        .collect(Collectors.joining(" · "));
            case EMAILS -> String.join(", ", form.getEmails());
            case PHONES -> String.join(", ", form.getPhones());
            case WEBSITE -> nonNull(form.getWebsite());
            case PAYMENT_TERMS -> form.getPaymentTerms() == null ? "" : paymentTerms(context, form.getPaymentTerms());
            case CREDIT_LIMIT -> money(context, form.getCreditLimit(), null);
            case CURRENCY -> nonNull(form.getCurrency());
            case LANGUAGE -> language(context, form.getLanguage());
            case TAGS -> String.join(", ", form.getTags());
            case NOTES -> nonNull(form.getNotes());
            case OWNER -> form.getOwnerId() == null ? "" : owners.getOrDefault(form.getOwnerId(), "");
            case ARCHIVED ->
                form.isArchived()
                        ? context.getTranslation("accounts.status.archived")
                        : context.getTranslation("accounts.status.active");
            case MERGED_INTO -> "";
        };
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}

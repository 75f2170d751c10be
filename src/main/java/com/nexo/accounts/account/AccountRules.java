package com.nexo.accounts.account;

import com.nexo.history.ChangeHistory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the accounts module's services share about one account: finding it (or the translated "not
 * found"), refusing a stale version with what changed since, validating a form with the bundles'
 * messages, and cleaning what users typed. Called inside the services' transactions, after their
 * permission checks.
 */
@Component
public class AccountRules {

    private final AccountRepository accounts;
    private final ChangeHistory history;
    private final Validator validator;

    AccountRules(AccountRepository accounts, ChangeHistory history) {
        this.accounts = accounts;
        this.history = history;
        // The default factory reads META-INF/validation.xml: messages come from the translation bundles.
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            this.validator = factory.getValidator();
        }
    }

    /** The account, or an {@link AccountRuleException} "not found" (also for another tenant's id). */
    public Account find(UUID id) {
        if (id == null) {
            throw new AccountRuleException("accounts.error.not-found");
        }
        return accounts.findById(id).orElseThrow(() -> new AccountRuleException("accounts.error.not-found"));
    }

    /**
     * Refuses to go on when the account is no longer at the version the user loaded: the exception
     * tells which fields changed since, from what to what, and who changed them.
     */
    public void requireVersion(Account account, Long expected) {
        if (expected == null || !Objects.equals(account.getVersion(), expected)) {
            long base = expected == null ? -1 : expected;
            ChangeHistory.ChangesSince since = history.changesSince("account", account.getId(), base);
            List<AccountConflictException.FieldDifference> changes = since.changes().stream()
                    .map(change -> new AccountConflictException.FieldDifference(
                            AccountField.ofColumn(change.column()).orElse(null),
                            change.column(),
                            change.before(),
                            change.after()))
                    .filter(difference -> difference.field() != null)
                    .toList();
            throw new AccountConflictException(account.getId(), base, account.getVersion(), changes, since.changedBy());
        }
    }

    /** Checks a form's constraints; the first violation (by field) becomes a rule on its field. */
    public void validate(Object form) {
        Set<ConstraintViolation<Object>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw ruleOf(violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow());
        }
    }

    private static AccountRuleException ruleOf(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        // Standard constraints without a message of ours get a general one.
        String messageKey = "accounts.validation.invalid";
        if (template.startsWith("{accounts.") && template.endsWith("}")) {
            messageKey = template.substring(1, template.length() - 1);
        }
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('[');
        String field =
                dot > 0 ? path.substring(0, dot) : path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return AccountRuleException.onField(field, messageKey);
    }

    /** Trimmed strings, blanks as null, lower-case e-mails, no empty list entries, upper-case codes. */
    public static AccountForm normalized(AccountForm form) {
        AccountForm clean = form.copy();
        clean.setCode(blankToNull(clean.getCode()));
        clean.setLegalName(blankToNull(clean.getLegalName()));
        clean.setTradeName(blankToNull(clean.getTradeName()));
        clean.setCountry(
                clean.getCountry() == null ? null : clean.getCountry().strip().toUpperCase(Locale.ROOT));
        String taxId = blankToNull(clean.getTaxId());
        clean.setTaxId(taxId != null && "ES".equals(clean.getCountry()) ? TaxIds.normalize(taxId) : taxId);
        clean.setEmails(distinct(
                clean.getEmails().stream().map(DuplicateRules::normalizeEmail).toList()));
        clean.setPhones(distinct(
                clean.getPhones().stream().map(AccountRules::blankToNull).toList()));
        clean.setTags(new LinkedHashSet<>(distinct(new ArrayList<>(clean.getTags())
                .stream().map(AccountRules::blankToNull).toList())));
        clean.setWebsite(blankToNull(clean.getWebsite()));
        clean.setCurrency(
                clean.getCurrency() == null ? null : clean.getCurrency().strip().toUpperCase(Locale.ROOT));
        clean.setLanguage(blankToNull(clean.getLanguage()));
        clean.setNotes(blankToNull(clean.getNotes()));
        clean.setAddresses(
                clean.getAddresses().stream().filter(Objects::nonNull).toList());
        return clean;
    }

    /** The non-blank values, once each, in their order. */
    public static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).distinct().collect(Collectors.toList());
    }

    /** The value trimmed; null when blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.nexo.accounts.imports;

import static com.nexo.accounts.imports.AccountImportFields.ADDRESS;
import static com.nexo.accounts.imports.AccountImportFields.CITY;
import static com.nexo.accounts.imports.AccountImportFields.CODE;
import static com.nexo.accounts.imports.AccountImportFields.CONTACT;
import static com.nexo.accounts.imports.AccountImportFields.CONTACT_EMAIL;
import static com.nexo.accounts.imports.AccountImportFields.CONTACT_NAME;
import static com.nexo.accounts.imports.AccountImportFields.CONTACT_PHONE;
import static com.nexo.accounts.imports.AccountImportFields.CONTACT_POSITION;
import static com.nexo.accounts.imports.AccountImportFields.COUNTRY;
import static com.nexo.accounts.imports.AccountImportFields.CREDIT_LIMIT;
import static com.nexo.accounts.imports.AccountImportFields.CURRENCY;
import static com.nexo.accounts.imports.AccountImportFields.EMAIL;
import static com.nexo.accounts.imports.AccountImportFields.KIND;
import static com.nexo.accounts.imports.AccountImportFields.LANGUAGE;
import static com.nexo.accounts.imports.AccountImportFields.LEGAL_NAME;
import static com.nexo.accounts.imports.AccountImportFields.NOTES;
import static com.nexo.accounts.imports.AccountImportFields.PHONE;
import static com.nexo.accounts.imports.AccountImportFields.POSTAL_CODE;
import static com.nexo.accounts.imports.AccountImportFields.PROVINCE;
import static com.nexo.accounts.imports.AccountImportFields.ROLES;
import static com.nexo.accounts.imports.AccountImportFields.ROLE_NAMES;
import static com.nexo.accounts.imports.AccountImportFields.STREET;
import static com.nexo.accounts.imports.AccountImportFields.TAGS;
import static com.nexo.accounts.imports.AccountImportFields.TAX_ID;
import static com.nexo.accounts.imports.AccountImportFields.TRADE_NAME;
import static com.nexo.accounts.imports.AccountImportFields.WEBSITE;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRules;
import com.nexo.accounts.account.Address;
import com.nexo.accounts.account.AddressType;
import com.nexo.accounts.account.DuplicateRules;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.imports.ImportRow;
import com.nexo.imports.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Lays a row of the file over an account (a new one, or one found by its key) and checks the result
 * with the account form's own constraints, so an import accepts exactly what the form accepts. Only
 * the columns the row maps are written; blank cells keep the account's value. Lists merge: the row's
 * roles and tags are added to the account's, and its e-mail and phone become the first ones when the
 * account does not have them yet, so nothing an employee entered is lost.
 */
@Component
class AccountRowMerger {

    private static final Pattern ROLE_SEPARATORS = Pattern.compile("\\s*[,;/]\\s*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** The import field each property of the form (or of an address, or of a contact) comes from. */
    private static final Map<String, String> FIELD_OF_PROPERTY = Map.ofEntries(
            Map.entry("code", CODE),
            Map.entry("kind", KIND),
            Map.entry("roles", ROLES),
            Map.entry("legalName", LEGAL_NAME),
            Map.entry("tradeName", TRADE_NAME),
            Map.entry("taxId", TAX_ID),
            Map.entry("country", COUNTRY),
            Map.entry("emails", EMAIL),
            Map.entry("phones", PHONE),
            Map.entry("website", WEBSITE),
            Map.entry("creditLimit", CREDIT_LIMIT),
            Map.entry("currency", CURRENCY),
            Map.entry("language", LANGUAGE),
            Map.entry("tags", TAGS),
            Map.entry("notes", NOTES),
            Map.entry("street", STREET),
            Map.entry("postalCode", POSTAL_CODE),
            Map.entry("city", CITY),
            Map.entry("region", PROVINCE));

    private static final Map<String, String> CONTACT_FIELD_OF_PROPERTY = Map.of(
            "name", CONTACT_NAME,
            "position", CONTACT_POSITION,
            "emails", CONTACT_EMAIL,
            "phones", CONTACT_PHONE);

    /** The column each field writes. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry(CODE, "code"),
            Map.entry(KIND, "kind"),
            Map.entry(ROLES, "roles"),
            Map.entry(LEGAL_NAME, "legal_name"),
            Map.entry(TRADE_NAME, "trade_name"),
            Map.entry(TAX_ID, "tax_id"),
            Map.entry(COUNTRY, "country"),
            Map.entry(EMAIL, "emails"),
            Map.entry(PHONE, "phones"),
            Map.entry(WEBSITE, "website"),
            Map.entry(CREDIT_LIMIT, "credit_limit"),
            Map.entry(CURRENCY, "currency"),
            Map.entry(LANGUAGE, "language"),
            Map.entry(TAGS, "tags"),
            Map.entry(NOTES, "notes"),
            Map.entry(STREET, "addresses"),
            Map.entry(POSTAL_CODE, "addresses"),
            Map.entry(CITY, "addresses"),
            Map.entry(PROVINCE, "addresses"));

    /** Fields in the order a refusal names the first fault. */
    private static final List<String> FIELD_ORDER =
            AccountImportFields.FIELDS.stream().map(f -> f.id()).toList();

    private final Validator validator;

    AccountRowMerger() {
        // The default factory reads META-INF/validation.xml, as the account services' validator does.
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            this.validator = factory.getValidator();
        }
    }

    /** What a row makes of an account: the values to store and the columns it writes, or why not. */
    record Merged(AccountColumns columns, Set<String> written, Refusal refusal) {

        static Merged refused(Refusal refusal) {
            return new Merged(null, Set.of(), refusal);
        }
    }

    /** The row over {@code stored} (null: a new account, with the form's defaults for what it lacks). */
    Merged merge(ImportRow row, AccountColumns stored) {
        AccountForm form = stored == null ? new AccountForm() : toForm(stored);
        if (row.has(CODE)) {
            form.setCode(row.get(CODE));
        }
        if (row.has(KIND)) {
            form.setKind(AccountKind.valueOf(row.<String>get(KIND)));
        }
        if (row.has(ROLES)) {
            Optional<Set<AccountRole>> roles = roles(row.get(ROLES));
            if (roles.isEmpty()) {
                return Merged.refused(Refusal.of(
                        ROLES, "accounts.import.unknown-role", String.join(", ", row.<List<String>>get(ROLES))));
            }
            Set<AccountRole> merged = EnumSet.noneOf(AccountRole.class);
            if (stored != null) {
                merged.addAll(form.getRoles());
            }
            merged.addAll(roles.get());
            form.setRoles(merged);
        }
        setIfPresent(row, LEGAL_NAME, form::setLegalName);
        setIfPresent(row, TRADE_NAME, form::setTradeName);
        setIfPresent(row, COUNTRY, value -> form.setCountry(value.strip().toUpperCase(Locale.ROOT)));
        setIfPresent(row, TAX_ID, form::setTaxId);
        if (row.has(EMAIL)) {
            form.setEmails(first(DuplicateRules.normalizeEmail(row.get(EMAIL)), form.getEmails()));
        }
        if (row.has(PHONE)) {
            form.setPhones(first(row.<String>get(PHONE).strip(), form.getPhones()));
        }
        setIfPresent(row, WEBSITE, form::setWebsite);
        if (row.has(CREDIT_LIMIT)) {
            form.setCreditLimit(row.<BigDecimal>get(CREDIT_LIMIT));
        }
        setIfPresent(row, CURRENCY, value -> form.setCurrency(value.strip().toUpperCase(Locale.ROOT)));
        setIfPresent(row, LANGUAGE, form::setLanguage);
        if (row.has(TAGS)) {
            Set<String> tags = new LinkedHashSet<>(form.getTags());
            tags.addAll(row.<List<String>>get(TAGS));
            form.setTags(tags);
        }
        setIfPresent(row, NOTES, form::setNotes);
        if (ADDRESS.stream().anyMatch(row::has)) {
            form.setAddresses(withBillingAddress(row, form.getAddresses(), form.getCountry()));
        }

        AccountForm clean = AccountRules.normalized(form);
        Set<String> mapped = row.values().keySet().stream().filter(row::has).collect(Collectors.toSet());
        Optional<Refusal> fault = firstFault(
                validator.validate(clean),
                FIELD_OF_PROPERTY,
                field ->
                        stored == null || mapped.contains(field) || (TAX_ID.equals(field) && mapped.contains(COUNTRY)));
        if (fault.isPresent()) {
            return Merged.refused(fault.get());
        }
        Set<String> written = stored == null
                ? Set.copyOf(COLUMN_OF_FIELD.values())
                : mapped.stream()
                        .map(COLUMN_OF_FIELD::get)
                        .filter(column -> column != null)
                        .collect(Collectors.toSet());
        AccountColumns columns = AccountColumns.of(clean);
        return new Merged(stored == null ? columns : columns.onlyOver(stored, written), written, null);
    }

    /** The contact a row brings along, checked as the contact form checks it; empty when it has none. */
    Optional<ContactForm> contact(ImportRow row) {
        if (CONTACT.stream().noneMatch(row::has)) {
            return Optional.empty();
        }
        ContactForm contact = new ContactForm();
        contact.setName(AccountRules.blankToNull(row.get(CONTACT_NAME)));
        contact.setPosition(AccountRules.blankToNull(row.get(CONTACT_POSITION)));
        contact.setEmails(
                row.has(CONTACT_EMAIL) ? List.of(DuplicateRules.normalizeEmail(row.get(CONTACT_EMAIL))) : List.of());
        contact.setPhones(
                row.has(CONTACT_PHONE) ? List.of(row.<String>get(CONTACT_PHONE).strip()) : List.of());
        return Optional.of(contact);
    }

    /** Why the contact cannot be added, if it cannot. */
    Optional<Refusal> contactFault(ContactForm contact) {
        return firstFault(validator.validate(contact), CONTACT_FIELD_OF_PROPERTY, field -> true);
    }

    /** A name as compared to find a contact the account has already: lower case, no accents, single spaces. */
    static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String plain =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<Set<AccountRole>> roles(List<String> names) {
        Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String cell : names) {
            for (String name : ROLE_SEPARATORS.split(cell.strip())) {
                if (name.isBlank()) {
                    continue;
                }
                String role = ROLE_NAMES.get(nameKey(name));
                if (role == null) {
                    role = Arrays.stream(AccountRole.values())
                            .map(Enum::name)
                            .filter(value -> value.equalsIgnoreCase(name.strip()))
                            .findFirst()
                            .orElse(null);
                }
                if (role == null) {
                    return Optional.empty();
                }
                roles.add(AccountRole.valueOf(role));
            }
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(roles);
    }

    /** The value first in the list (once): the list as it was when it has the value already. */
    private static List<String> first(String value, List<String> list) {
        if (list.stream()
                .anyMatch(existing -> existing != null && existing.strip().equalsIgnoreCase(value))) {
            return list;
        }
        List<String> values = new ArrayList<>(list.size() + 1);
        values.add(value);
        values.addAll(list);
        return values;
    }

    /**
     * The addresses with the row's parts laid over the first billing address (or a new billing address
     * at the end when there is none): parts the row leaves blank keep what the address had.
     */
    private static List<Address> withBillingAddress(ImportRow row, List<Address> addresses, String country) {
        List<Address> result = new ArrayList<>(addresses);
        int index = -1;
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).type() == AddressType.BILLING) {
                index = i;
                break;
            }
        }
        Address base = index < 0 ? new Address(AddressType.BILLING, null, null, null, null, null) : result.get(index);
        Address merged = new Address(
                AddressType.BILLING,
                row.has(STREET) ? row.<String>get(STREET).strip() : base.street(),
                row.has(POSTAL_CODE) ? row.<String>get(POSTAL_CODE).strip() : base.postalCode(),
                row.has(CITY) ? row.<String>get(CITY).strip() : base.city(),
                row.has(PROVINCE) ? row.<String>get(PROVINCE).strip() : base.region(),
                base.country() != null ? base.country() : country);
        if (index < 0) {
            result.add(merged);
        } else {
            result.set(index, merged);
        }
        return result;
    }

    /**
     * The first violation (in the order of the fields) that concerns a field {@code counts} accepts, as
     * a refusal on that field with the constraint's own message key.
     */
    private static <T> Optional<Refusal> firstFault(
            Set<ConstraintViolation<T>> violations, Map<String, String> fieldOfProperty, Predicate<String> counts) {
        return violations.stream()
                .map(violation -> {
                    String field = fieldOf(violation.getPropertyPath(), fieldOfProperty);
                    return field == null || !counts.test(field) ? null : refusal(field, violation);
                })
                .filter(refusal -> refusal != null)
                .min(Comparator.comparingInt(refusal -> FIELD_ORDER.indexOf(refusal.field())));
    }

    /** The import field of a property path: the last named node that is a field ("addresses[0].city": city). */
    private static String fieldOf(Path path, Map<String, String> fieldOfProperty) {
        String field = null;
        for (Path.Node node : path) {
            String name = node.getName();
            if (name != null && fieldOfProperty.containsKey(name)) {
                field = fieldOfProperty.get(name);
            }
        }
        return field;
    }

    private static Refusal refusal(String field, ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        String key = template.startsWith("{accounts.") && template.endsWith("}")
                ? template.substring(1, template.length() - 1)
                : "accounts.validation.invalid";
        if ("accounts.validation.too-long".equals(key)) {
            // The form's message has a Bean Validation placeholder ({max}); refusals are told with
            // numbered arguments.
            Object max = violation.getConstraintDescriptor().getAttributes().get("max");
            return Refusal.of(field, "accounts.import.too-long", max);
        }
        return Refusal.of(field, key);
    }

    private static void setIfPresent(ImportRow row, String field, Consumer<String> setter) {
        if (row.has(field)) {
            setter.accept(row.get(field));
        }
    }

    private static AccountForm toForm(AccountColumns stored) {
        AccountForm form = new AccountForm();
        form.setCode(stored.code());
        form.setKind(AccountKind.valueOf(stored.kind()));
        Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        stored.roles().forEach(role -> roles.add(AccountRole.valueOf(role)));
        form.setRoles(roles);
        form.setLegalName(stored.legalName());
        form.setTradeName(stored.tradeName());
        form.setTaxId(stored.taxId());
        form.setCountry(stored.country());
        form.setAddresses(stored.addresses());
        form.setEmails(stored.emails());
        form.setPhones(stored.phones());
        form.setWebsite(stored.website());
        form.setCreditLimit(stored.creditLimit());
        form.setCurrency(stored.currency());
        form.setLanguage(stored.language());
        form.setTags(new LinkedHashSet<>(stored.tags()));
        form.setNotes(stored.notes());
        return form;
    }
}

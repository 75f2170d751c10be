package com.nexo.tenancy;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The company profile as its settings form binds it ({@code BeanValidationBinder}): loaded by {@link
 * CompanyProfiles#getForm()}, saved by {@link CompanyProfiles#save(CompanyProfileForm)} over the
 * version it was loaded at. The logo travels with the form (set by the upload, cleared by "remove");
 * the service checks its type and size. Messages are translation keys.
 */
public class CompanyProfileForm {

    /** The largest logo accepted, in bytes. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    /** The version loaded; null when the tenant has no profile yet. */
    private Long version;

    @NotBlank(message = "{company.validation.legal-name-required}")
    @Size(max = 200, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String legalName;

    @Size(max = 200, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String tradeName;

    @TaxId(message = "{company.validation.tax-id}")
    private String taxId;

    @Size(max = 200, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String street;

    @Pattern(regexp = "[0-9A-Za-z -]{0,20}", message = "{company.validation.postal-code}")
    private String postalCode;

    @Size(max = 100, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String city;

    @Size(max = 100, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String region;

    @NotNull(message = "{company.validation.country}")
    @Pattern(regexp = "[A-Za-z]{2}", message = "{company.validation.country}")
    private String country = "ES";

    @Email(message = "{company.validation.email}")
    @Size(max = 254, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String email;

    @Pattern(regexp = "(\\+?[0-9 ().-]{6,25})?", message = "{company.validation.phone}")
    private String phone;

    @Size(max = 200, message = "{company.validation.too-long}")
    @Pattern(regexp = "((https?://)?[^\\s/]+\\.[^\\s]+)?", message = "{company.validation.website}")
    private String website;

    @Iban(message = "{company.validation.iban}")
    private String iban;

    @Size(max = 1000, message = "{company.validation.too-long}")
    @NoControlCharacters(message = "{company.validation.control-characters}")
    private String footer;

    private byte[] logo;
    private String logoContentType;

    public CompanyProfileForm() {}

    static CompanyProfileForm of(CompanyProfile profile, Long version) {
        CompanyProfileForm form = new CompanyProfileForm();
        form.version = version;
        form.legalName = profile.legalName();
        form.tradeName = profile.tradeName();
        form.taxId = profile.taxId();
        form.street = profile.street();
        form.postalCode = profile.postalCode();
        form.city = profile.city();
        form.region = profile.region();
        form.country = profile.country();
        form.email = profile.email();
        form.phone = profile.phone();
        form.website = profile.website();
        form.iban = profile.iban();
        form.footer = profile.footer();
        form.logo = profile.logo();
        form.logoContentType = profile.logoContentType();
        return form;
    }

    /** A tax id as stored: upper case, without spaces, dots or hyphens; null when blank. */
    public static String normalizeTaxId(String taxId) {
        return compact(taxId);
    }

    /** An IBAN as stored: upper case without spaces; null when blank. */
    public static String normalizeIban(String iban) {
        return compact(iban);
    }

    private static String compact(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether {@code taxId} is a valid Spanish NIF (DNI, NIE or CIF, with its check character,
     * optionally with the "ES" prefix) or another country's VAT number (two letters and 2 to 13
     * characters). Blank is valid: the tax id is optional until documents need it.
     */
    public static boolean validTaxId(String taxId) {
        String id = compact(taxId);
        if (id == null) {
            return true;
        }
        if (id.length() == 11 && id.startsWith("ES")) {
            id = id.substring(2);
        } else if (id.matches("[A-Z]{2}[0-9A-Z]{2,13}") && !id.startsWith("ES")) {
            return !id.matches("[A-Z][0-9]{7}[0-9A-Z]") || spanish(id);
        }
        return spanish(id);
    }

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private static boolean spanish(String id) {
        if (id.matches("[0-9]{8}[A-Z]")) {
            return DNI_LETTERS.charAt(Integer.parseInt(id.substring(0, 8)) % 23) == id.charAt(8);
        }
        if (id.matches("[XYZ][0-9]{7}[A-Z]")) {
            String digits = "XYZ".indexOf(id.charAt(0)) + id.substring(1, 8);
            return DNI_LETTERS.charAt(Integer.parseInt(digits) % 23) == id.charAt(8);
        }
        if (id.matches("[KLM][0-9]{7}[A-Z]")) {
            return DNI_LETTERS.charAt(Integer.parseInt(id.substring(1, 8)) % 23) == id.charAt(8);
        }
        if (id.matches("[ABCDEFGHJNPQRSUVW][0-9]{7}[0-9A-J]")) {
            int sum = 0;
            for (int i = 1; i <= 7; i++) {
                int digit = id.charAt(i) - '0';
                if (i % 2 == 1) {
                    int doubled = digit * 2;
                    sum += doubled / 10 + doubled % 10;
                } else {
                    sum += digit;
                }
            }
            int control = (10 - sum % 10) % 10;
            char given = id.charAt(8);
            char letter = "JABCDEFGHI".charAt(control);
            boolean letterOnly = "PQRSNW".indexOf(id.charAt(0)) >= 0;
            boolean digitOnly = "ABEH".indexOf(id.charAt(0)) >= 0;
            if (Character.isDigit(given)) {
                return !letterOnly && given - '0' == control;
            }
            return !digitOnly && given == letter;
        }
        return false;
    }

    /** Whether {@code iban} passes the ISO 13616 check (mod 97); blank is valid. */
    public static boolean validIban(String iban) {
        String id = compact(iban);
        if (id == null) {
            return true;
        }
        if (!id.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (id.substring(4) + id.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** A valid tax id ({@link #validTaxId}). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = TaxIdCheck.class)
    public @interface TaxId {
        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link TaxId}. */
    public static class TaxIdCheck implements ConstraintValidator<TaxId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return validTaxId(value);
        }
    }

    /** A valid IBAN ({@link #validIban}). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = IbanCheck.class)
    public @interface Iban {
        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link Iban}. */
    public static class IbanCheck implements ConstraintValidator<Iban, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return validIban(value);
        }
    }

    public Long getVersion() {
        return version;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getTradeName() {
        return tradeName;
    }

    public void setTradeName(String tradeName) {
        this.tradeName = tradeName;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getFooter() {
        return footer;
    }

    public void setFooter(String footer) {
        this.footer = footer;
    }

    public byte[] getLogo() {
        return logo;
    }

    public String getLogoContentType() {
        return logoContentType;
    }

    /** Sets or replaces the logo (the service checks type and size when saving). */
    public void setLogo(byte[] logo, String contentType) {
        this.logo = logo;
        this.logoContentType = logo == null ? null : contentType;
    }

    /** Takes the logo off. */
    public void removeLogo() {
        setLogo(null, null);
    }
}

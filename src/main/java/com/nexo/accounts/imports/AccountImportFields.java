package com.nexo.accounts.imports;

import com.nexo.imports.FieldType;
import com.nexo.imports.ImportField;
import java.util.List;
import java.util.Map;

/**
 * The fields of an account import, their labels and the header names (Spanish and English) that
 * propose them. Lengths are the account form's, so the import centre refuses a text that is too long
 * before the target sees it.
 */
final class AccountImportFields {

    static final String CODE = "code";
    static final String KIND = "kind";
    static final String ROLES = "roles";
    static final String LEGAL_NAME = "legalName";
    static final String TRADE_NAME = "tradeName";
    static final String TAX_ID = "taxId";
    static final String COUNTRY = "country";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String WEBSITE = "website";
    static final String CREDIT_LIMIT = "creditLimit";
    static final String CURRENCY = "currency";
    static final String LANGUAGE = "language";
    static final String TAGS = "tags";
    static final String NOTES = "notes";
    static final String STREET = "street";
    static final String POSTAL_CODE = "postalCode";
    static final String CITY = "city";
    static final String PROVINCE = "province";
    static final String CONTACT_NAME = "contactName";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String CONTACT_PHONE = "contactPhone";
    static final String CONTACT_POSITION = "contactPosition";

    /** The fields that make up the address kept as the account's billing address. */
    static final List<String> ADDRESS = List.of(STREET, POSTAL_CODE, CITY, PROVINCE);

    /** The fields of the contact a row may bring along. */
    static final List<String> CONTACT = List.of(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_POSITION);

    /** Names of an account's kind in a file (compared after normalising case and accents). */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("organisation", "ORGANIZATION"),
            Map.entry("organization", "ORGANIZATION"),
            Map.entry("organización", "ORGANIZATION"),
            Map.entry("company", "ORGANIZATION"),
            Map.entry("empresa", "ORGANIZATION"),
            Map.entry("sociedad", "ORGANIZATION"),
            Map.entry("entidad", "ORGANIZATION"),
            Map.entry("individual", "INDIVIDUAL"),
            Map.entry("person", "INDIVIDUAL"),
            Map.entry("persona", "INDIVIDUAL"),
            Map.entry("persona física", "INDIVIDUAL"),
            Map.entry("particular", "INDIVIDUAL"),
            Map.entry("autónomo", "INDIVIDUAL"),
            Map.entry("freelance", "INDIVIDUAL"),
            Map.entry("self-employed", "INDIVIDUAL"));

    /** Names of a role in a file, by their normalised form (lower case, no accents). */
    static final Map<String, String> ROLE_NAMES = Map.ofEntries(
            Map.entry("client", "CLIENT"),
            Map.entry("customer", "CLIENT"),
            Map.entry("cliente", "CLIENT"),
            Map.entry("supplier", "SUPPLIER"),
            Map.entry("vendor", "SUPPLIER"),
            Map.entry("proveedor", "SUPPLIER"),
            Map.entry("prospect", "PROSPECT"),
            Map.entry("lead", "PROSPECT"),
            Map.entry("potencial", "PROSPECT"),
            Map.entry("cliente potencial", "PROSPECT"),
            Map.entry("professional", "PROFESSIONAL"),
            Map.entry("profesional", "PROFESSIONAL"));

    static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("es", "es"),
            Map.entry("español", "es"),
            Map.entry("spanish", "es"),
            Map.entry("castellano", "es"),
            Map.entry("en", "en"),
            Map.entry("english", "en"),
            Map.entry("inglés", "en"));

    static final List<ImportField> FIELDS = List.of(
            ImportField.of(
                            CODE,
                            "accounts.field.code",
                            FieldType.TEXT,
                            false,
                            "código",
                            "code",
                            "cod",
                            "código de cuenta",
                            "código cliente",
                            "account code",
                            "customer code")
                    .maxLength(30),
            choice(
                    KIND,
                    "accounts.field.kind",
                    KINDS,
                    "tipo",
                    "kind",
                    "type",
                    "tipo de cuenta",
                    "account type",
                    "persona"),
            ImportField.of(ROLES, "accounts.field.roles", FieldType.LIST, false, "roles", "rol", "role", "relación"),
            ImportField.of(
                            LEGAL_NAME,
                            "accounts.field.legal-name",
                            FieldType.TEXT,
                            true,
                            "razón social",
                            "legal name",
                            "nombre fiscal",
                            "nombre",
                            "name",
                            "empresa",
                            "company",
                            "company name",
                            "denominación social")
                    .maxLength(200),
            ImportField.of(
                            TRADE_NAME,
                            "accounts.field.trade-name",
                            FieldType.TEXT,
                            false,
                            "nombre comercial",
                            "trade name",
                            "marca",
                            "brand",
                            "trading name")
                    .maxLength(200),
            ImportField.of(
                            TAX_ID,
                            "accounts.field.tax-id",
                            FieldType.TEXT,
                            false,
                            "nif",
                            "cif",
                            "nif/cif",
                            "cif/nif",
                            "nie",
                            "dni",
                            "tax id",
                            "vat",
                            "vat number",
                            "tax number",
                            "identificación fiscal")
                    .maxLength(40),
            ImportField.of(
                            COUNTRY,
                            "accounts.field.country",
                            FieldType.TEXT,
                            false,
                            "país",
                            "country",
                            "código país",
                            "country code")
                    .maxLength(2),
            ImportField.of(
                            EMAIL,
                            "accounts.import.email",
                            FieldType.EMAIL,
                            false,
                            "email",
                            "e-mail",
                            "correo",
                            "correo electrónico",
                            "mail",
                            "e-mails",
                            "correos electrónicos")
                    .maxLength(254),
            ImportField.of(
                            PHONE,
                            "accounts.import.phone",
                            FieldType.TEXT,
                            false,
                            "teléfono",
                            "phone",
                            "tel",
                            "tlf",
                            "móvil",
                            "mobile",
                            "teléfonos",
                            "phones")
                    .maxLength(25),
            ImportField.of(
                            WEBSITE,
                            "accounts.field.website",
                            FieldType.TEXT,
                            false,
                            "web",
                            "website",
                            "sitio web",
                            "página web",
                            "url")
                    .maxLength(200),
            ImportField.of(
                    CREDIT_LIMIT,
                    "accounts.field.credit-limit",
                    FieldType.DECIMAL,
                    false,
                    "límite de crédito",
                    "credit limit",
                    "riesgo",
                    "riesgo máximo"),
            ImportField.of(CURRENCY, "accounts.field.currency", FieldType.TEXT, false, "moneda", "currency", "divisa")
                    .maxLength(3),
            choice(LANGUAGE, "accounts.field.language", LANGUAGES, "idioma", "language", "lengua"),
            ImportField.of(TAGS, "accounts.field.tags", FieldType.LIST, false, "etiquetas", "tags", "etiqueta", "tag")
                    .maxLength(40),
            ImportField.of(
                            NOTES,
                            "accounts.field.notes",
                            FieldType.TEXT,
                            false,
                            "notas",
                            "notes",
                            "observaciones",
                            "comentarios",
                            "comments")
                    .maxLength(4000),
            ImportField.of(
                            STREET,
                            "accounts.address.street",
                            FieldType.TEXT,
                            false,
                            "dirección",
                            "address",
                            "calle",
                            "street",
                            "domicilio")
                    .maxLength(200),
            ImportField.of(
                            POSTAL_CODE,
                            "accounts.address.postal-code",
                            FieldType.TEXT,
                            false,
                            "código postal",
                            "cp",
                            "c.p.",
                            "postal code",
                            "postcode",
                            "zip",
                            "zip code")
                    .maxLength(20),
            ImportField.of(
                            CITY,
                            "accounts.address.city",
                            FieldType.TEXT,
                            false,
                            "población",
                            "ciudad",
                            "localidad",
                            "municipio",
                            "city",
                            "town")
                    .maxLength(100),
            ImportField.of(
                            PROVINCE,
                            "accounts.address.region",
                            FieldType.TEXT,
                            false,
                            "provincia",
                            "province",
                            "región",
                            "region",
                            "state")
                    .maxLength(100),
            ImportField.of(
                            CONTACT_NAME,
                            "accounts.import.contact-name",
                            FieldType.TEXT,
                            false,
                            "contacto",
                            "contact",
                            "persona de contacto",
                            "nombre del contacto",
                            "contact name",
                            "contact person")
                    .maxLength(200),
            ImportField.of(
                            CONTACT_EMAIL,
                            "accounts.import.contact-email",
                            FieldType.EMAIL,
                            false,
                            "email del contacto",
                            "correo del contacto",
                            "email contacto",
                            "contact email",
                            "contact e-mail")
                    .maxLength(254),
            ImportField.of(
                            CONTACT_PHONE,
                            "accounts.import.contact-phone",
                            FieldType.TEXT,
                            false,
                            "teléfono del contacto",
                            "teléfono contacto",
                            "contact phone")
                    .maxLength(25),
            ImportField.of(
                            CONTACT_POSITION,
                            "accounts.import.contact-position",
                            FieldType.TEXT,
                            false,
                            "cargo",
                            "puesto",
                            "position",
                            "job title",
                            "cargo del contacto")
                    .maxLength(100));

    private AccountImportFields() {}

    /** A choice field ({@code ImportField.of} refuses a choice field before its choices are given). */
    private static ImportField choice(String id, String labelKey, Map<String, String> choices, String... synonyms) {
        return new ImportField(id, labelKey, FieldType.CHOICE, false, 0, List.of(synonyms), choices);
    }
}

package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.lists.PurchaseExportService;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.documents.DocumentAction;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.verifactu.BillingRecord;
import com.nexo.sales.verifactu.ChainVerification;
import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import com.nexo.security.events.SecurityEventType;
import com.nexo.security.roles.PredefinedRole;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.Tenant;
import com.nexo.testing.MainSources;
import com.nexo.testing.MainSources.SourceFile;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Spanish and English bundles in step with each other and with the code, so that a user
 * never reads {@code !key!}. Keys are found in the sources by convention (see the patterns below);
 * keys built at run time ({@code "actor." + type}) are checked through their known expansions, and
 * message keys of broken access rules through {@code new AccessRuleException("key")} in the services.
 */
class TranslationBundlesTest {

    /** {@code getTranslation("key"} — in views, layouts and {@code ui.getTranslation(...)}. */
    private static final Pattern GET_TRANSLATION = Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"\\s*([,)+])");

    /** {@code @Menu(..., title = "key")}: the side navigation translates menu titles. */
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\s*\\([^)]*\\btitle\\s*=\\s*\"([^\"]+)\"");

    /** A variable named {@code ...Key} holds a translation key (e.g. {@code messageKey = "error.x"}). */
    private static final Pattern KEY_VARIABLE = Pattern.compile("\\b\\w*Key\\s*=\\s*\"([^\"]+)\"");

    /**
     * {@code new AccessRuleException("key", ...)}, {@code new TenantRuleException("key")}: services refuse
     * a request with the key of the message the view shows.
     */
    private static final Pattern RULE_EXCEPTION = Pattern.compile("\\bnew\\s+\\w*RuleException\\(\\s*\"([^\"]+)\"");

    /**
     * {@code message = "{key}"} on a Bean Validation constraint: the message interpolator reads the
     * key from the bundles (see {@code TranslatedMessageInterpolator}).
     */
    private static final Pattern CONSTRAINT_MESSAGE = Pattern.compile("\\bmessage\\s*=\\s*\"\\{([^}\"]+)}\"");

    /** {@code XxxRuleException.onField("field", "key")}: a refusal about one field of a form. */
    private static final Pattern FIELD_RULE =
            Pattern.compile("RuleException\\.onField\\(\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\"");

    /**
     * {@code Refusal.of(field, "key", ...)}, {@code new CsvFormatException(line, "key")}: the import
     * centre's reasons for refusing a row or a file.
     */
    private static final Pattern IMPORT_REFUSAL = Pattern.compile(
            "(?:\\bRefusal\\.of|\\bnew\\s+CsvFormatException)\\(\\s*[^,()]+(?:\\(\\))?\\s*,\\s*\"([^\"]+)\"");

    /** {@code default "{key}"}: the default message of a custom constraint annotation. */
    private static final Pattern CONSTRAINT_DEFAULT =
            Pattern.compile("\\bmessage\\(\\)\\s*default\\s*\"\\{([^}\"]+)}\"");

    /** {@code String titleKey() { return "key"; }}: the title of a dashboard card ({@code DashboardCard}). */
    private static final Pattern CARD_TITLE = Pattern.compile("\\btitleKey\\(\\)\\s*\\{\\s*return\\s*\"([^\"]+)\"");

    /** {@code ImportField.of("id", "key", ...)} or {@code new ImportField(...)}: a field of an import target. */
    private static final Pattern IMPORT_FIELD = Pattern.compile(
            "(?:ImportField\\.of|new\\s+ImportField)\\(\\s*(?:[\\w.]+|\"[^\"]*\")\\s*,\\s*\"([^\"]+)\"");

    /** {@code labelKey() { return "key"; }}, {@code descriptionKey()}: an import target's name and sentence. */
    private static final Pattern TARGET_KEY =
            Pattern.compile("\\b(?:labelKey|descriptionKey)\\(\\)\\s*\\{\\s*return\\s*\"([^\"]+)\"\\s*;");

    /**
     * Import targets: {@code ImportField.of("id", "key", ...)} (or {@code new ImportField(...)}) names a
     * field's label; {@code labelKey()} and {@code descriptionKey()} return the target's name and
     * description.
     */
    private static final Pattern IMPORT_KEY =
            Pattern.compile("(?:(?:ImportField\\.of|new\\s+ImportField)\\(\\s*(?:\"[^\"]*\"|\\w+)\\s*,"
                    + "|\\b(?:label|description)Key\\(\\)\\s*\\{\\s*return)\\s*\"([^\"]+)\"\\s*[,;)]");

    /**
     * {@code data-i18n="key"} in the static pages the service worker shows without the server
     * ({@code frontend/offline.html}, whose texts {@code OfflinePageTest} compares with the bundles).
     */
    private static final Pattern STATIC_PAGE_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");

    private static final List<Path> STATIC_PAGES = List.of(Path.of("frontend/offline.html"));

    /** MessageFormat arguments: {@code {0}}, {@code {1,number}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /**
     * Keys the code builds at run time, with every expansion it can produce. A new prefix in the code
     * fails {@link #every_key_the_code_builds_at_run_time_has_a_known_prefix()} until it is listed here.
     */
    private static final Map<String, Set<String>> DYNAMIC_KEYS = Map.ofEntries(
            Map.entry("actor.", actorKeys()),
            Map.entry("language.", languageKeys()),
            Map.entry("role.predefined.", predefinedRoleKeys()),
            Map.entry("tenants.status.", tenantStatusKeys()),
            Map.entry("permission.module.", permissionKeys("permission.module.", Permission::module)),
            Map.entry("permission.action.", permissionKeys("permission.action.", Permission::action)),
            Map.entry("security-event.", securityEventKeys()),
            Map.entry("accounts.field.", accountFieldKeys()),
            Map.entry("sales.kind.", slugs("sales.kind.", DocumentKind.values())),
            Map.entry("sales.list.saved-filters", Set.copyOf(SavedFilterPicker.keys("sales.list.saved-filters"))),
            Map.entry(
                    "purchasing.list.saved-filters",
                    Set.copyOf(SavedFilterPicker.keys("purchasing.list.saved-filters"))),
            Map.entry("purchasing.list.column.", Set.copyOf(PurchaseExportService.HEADERS)),
            Map.entry("purchasing.list.status.", slugs("purchasing.list.status.", PurchaseStatus.values())),
            Map.entry("purchasing.list.kind.", slugs("purchasing.list.kind.", PurchaseKind.values())),
            Map.entry(
                    "purchasing.list.new.",
                    slugs("purchasing.list.new.", new PurchaseKind[] {PurchaseKind.RFQ, PurchaseKind.ORDER})),
            Map.entry(
                    "purchasing.bill-page.issue.",
                    slugs("purchasing.bill-page.issue.", com.nexo.purchasing.bills.ThreeWayMatch.Issue.values())),
            Map.entry("purchasing.list.title.", slugs("purchasing.list.title.", PurchaseKind.values())),
            Map.entry("purchasing.list.search.", slugs("purchasing.list.search.", PurchaseKind.values())),
            Map.entry("purchasing.list.empty.", slugs("purchasing.list.empty.", PurchaseKind.values())),
            Map.entry("purchasing.list.column.expected.", slugs("purchasing.list.column.expected.", new PurchaseKind[] {
                PurchaseKind.RFQ, PurchaseKind.ORDER, PurchaseKind.BILL
            })),
            Map.entry(
                    "sales.status.",
                    java.util.stream.Stream.concat(
                                    slugs("sales.status.", DocumentStatus.values()).stream(),
                                    java.util.stream.Stream.of("sales.status.expired"))
                            .collect(java.util.stream.Collectors.toSet())),
            Map.entry("sales.action.", slugs("sales.action.", DocumentAction.values())),
            Map.entry("sales.regime.", slugs("sales.regime.", TaxRegime.values())),
            Map.entry(
                    "sales.legal.",
                    java.util.stream.Stream.concat(
                                    Arrays.stream(TaxRegime.values())
                                            .map(TaxRegime::legalNoteKey)
                                            .filter(java.util.Objects::nonNull),
                                    java.util.stream.Stream.of("sales.legal.corrective", "sales.legal.withholding"))
                            .collect(java.util.stream.Collectors.toSet())),
            Map.entry(
                    "sales.page.history.",
                    java.util.stream.Stream.of("document", "line", "mail", "payment")
                            .flatMap(what -> java.util.stream.Stream.of("created", "changed", "deleted")
                                    .map(how -> "sales.page.history." + what + "-" + how))
                            .collect(java.util.stream.Collectors.toSet())),
            Map.entry(
                    "sales.billing-chain.kind.",
                    prefixed(
                            "sales.billing-chain.kind.",
                            Arrays.stream(BillingRecord.Kind.values()).map(Enum::name))),
            Map.entry(
                    "sales.billing-chain.problem.",
                    prefixed(
                            "sales.billing-chain.problem.",
                            Arrays.stream(ChainVerification.Problem.values()).map(Enum::name))),
            Map.entry(
                    "sales.billing-chain.submission.",
                    prefixed("sales.billing-chain.submission.", BillingRecord.SUBMISSION_STATUSES.stream())),
            // Purchasing: the receive screen's order state.
            Map.entry(
                    "purchasing.receive.status.",
                    prefixed(
                            "purchasing.receive.status.",
                            Arrays.stream(com.nexo.purchasing.documents.PurchaseStatus.values())
                                    .map(Enum::name))));

    private static final Map<Locale, Properties> BUNDLES = Map.of(
            Translations.SPANISH, load(Translations.SPANISH),
            Translations.ENGLISH, load(Translations.ENGLISH));

    private static final List<SourceFile> SOURCES = MainSources.all();

    @Test
    void spanish_and_english_have_exactly_the_same_keys() {
        Set<String> spanish = keys(Translations.SPANISH);
        Set<String> english = keys(Translations.ENGLISH);

        assertThat(difference(spanish, english))
                .as("keys only in translations_es.properties")
                .isEmpty();
        assertThat(difference(english, spanish))
                .as("keys only in translations_en.properties")
                .isEmpty();
    }

    @Test
    void no_translation_is_blank() {
        for (Locale locale : Translations.SUPPORTED) {
            Properties bundle = BUNDLES.get(locale);
            assertThat(keys(locale))
                    .as("blank values in the %s bundle", locale)
                    .filteredOn(key -> bundle.getProperty(key).isBlank())
                    .isEmpty();
        }
    }

    @Test
    void no_key_is_defined_twice_in_one_bundle() {
        // java.util.Properties keeps the last of two equal keys without a word: read the lines.
        for (Locale locale : Translations.SUPPORTED) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String line : lines(locale)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                    String key = trimmed.split("\\s*[=:]", 2)[0];
                    counts.merge(key, 1, Integer::sum);
                }
            }
            assertThat(counts)
                    .as("keys defined more than once in the %s bundle", locale)
                    .allSatisfy((key, count) -> assertThat(count).as(key).isOne());
        }
    }

    @Test
    void both_languages_use_the_same_placeholders() {
        Map<String, String> mismatches = new TreeMap<>();
        for (String key : keys(Translations.ENGLISH)) {
            Set<String> english = placeholders(BUNDLES.get(Translations.ENGLISH).getProperty(key));
            Set<String> spanish = placeholders(BUNDLES.get(Translations.SPANISH).getProperty(key, ""));
            if (!english.equals(spanish)) {
                mismatches.put(key, "en " + english + " / es " + spanish);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void texts_with_placeholders_are_valid_message_formats_with_doubled_apostrophes() {
        // MessageFormat reads a lone apostrophe as a quote: "don't {0}" would show "dont {0}".
        Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
        for (Locale locale : Translations.SUPPORTED) {
            Properties bundle = BUNDLES.get(locale);
            for (String key : keys(locale)) {
                String pattern = bundle.getProperty(key);
                if (placeholders(pattern).isEmpty()) {
                    continue;
                }
                assertThat(loneApostrophe.matcher(pattern).find())
                        .as("%s (%s) has a lone apostrophe: write ''", key, locale)
                        .isFalse();
                // A count that chooses its form (singular or plural) takes a number; the rest, text.
                Object[] arguments = {"A", "B", "C", "D"};
                for (int i = 0; i < arguments.length; i++) {
                    if (pattern.contains("{" + i + ",choice,") || pattern.contains("{" + i + ",number")) {
                        arguments[i] = 2;
                    }
                }
                assertThat(new MessageFormat(pattern, locale).format(arguments))
                        .as("%s (%s) formatted", key, locale)
                        .doesNotContain("{");
            }
        }
    }

    @Test
    void every_key_used_in_the_code_exists_in_both_languages() {
        Map<String, String> missing = new TreeMap<>();
        for (Map.Entry<String, String> used : literalKeysUsedInCode().entrySet()) {
            for (Locale locale : Translations.SUPPORTED) {
                if (!BUNDLES.get(locale).containsKey(used.getKey())) {
                    missing.merge(used.getKey(), used.getValue() + " (" + locale + ")", (a, b) -> a + ", " + b);
                }
            }
        }
        for (Set<String> expansions : DYNAMIC_KEYS.values()) {
            for (String key : expansions) {
                for (Locale locale : Translations.SUPPORTED) {
                    if (!BUNDLES.get(locale).containsKey(key)) {
                        missing.merge(key, "built at run time (" + locale + ")", (a, b) -> a + ", " + b);
                    }
                }
            }
        }
        assertThat(missing)
                .as("keys used in the code but missing from a bundle")
                .isEmpty();
    }

    @Test
    void every_key_the_code_builds_at_run_time_has_a_known_prefix() {
        Set<String> prefixes = new TreeSet<>();
        for (SourceFile source : SOURCES) {
            Matcher matcher = GET_TRANSLATION.matcher(source.code());
            while (matcher.find()) {
                if (matcher.group(2).equals("+")) {
                    prefixes.add(matcher.group(1));
                }
            }
        }
        assertThat(prefixes)
                .as("prefixes of keys built at run time: list each in DYNAMIC_KEYS with its expansions")
                .isNotEmpty()
                .isSubsetOf(DYNAMIC_KEYS.keySet());
    }

    @Test
    void every_key_in_the_bundles_is_used() {
        Set<String> used = new TreeSet<>(literalKeysUsedInCode().keySet());
        DYNAMIC_KEYS.values().forEach(used::addAll);

        assertThat(difference(keys(Translations.ENGLISH), used))
                .as("keys no code uses: delete them, or list a new dynamic prefix")
                .isEmpty();
    }

    @Test
    void the_source_scan_finds_the_keys_of_known_views() {
        // Guards the patterns themselves: if they stopped matching, the checks above would pass vacuously.
        assertThat(literalKeysUsedInCode())
                .containsKeys(
                        "login.title",
                        "menu.dashboard",
                        "error.access-denied",
                        "dashboard.welcome",
                        "password.error.too-short");
    }

    /** Every literal key in the code, with where it was seen first. */
    private static Map<String, String> literalKeysUsedInCode() {
        Map<String, String> keys = new TreeMap<>();
        for (SourceFile source : SOURCES) {
            for (Pattern pattern : List.of(
                    GET_TRANSLATION,
                    MENU_TITLE,
                    KEY_VARIABLE,
                    RULE_EXCEPTION,
                    FIELD_RULE,
                    CONSTRAINT_MESSAGE,
                    CONSTRAINT_DEFAULT,
                    CARD_TITLE,
                    IMPORT_REFUSAL,
                    IMPORT_FIELD,
                    TARGET_KEY,
                    IMPORT_KEY)) {
                Matcher matcher = pattern.matcher(source.code());
                while (matcher.find()) {
                    boolean builtAtRunTime =
                            pattern == GET_TRANSLATION && matcher.group(2).equals("+");
                    if (!builtAtRunTime) {
                        keys.putIfAbsent(
                                matcher.group(1),
                                source.path().getFileName() + ":" + MainSources.lineOf(source.code(), matcher.start()));
                    }
                }
            }
        }
        for (Path page : STATIC_PAGES) {
            Matcher matcher = STATIC_PAGE_KEY.matcher(readStaticPage(page));
            while (matcher.find()) {
                keys.putIfAbsent(matcher.group(1), page.getFileName().toString());
            }
        }
        return keys;
    }

    private static String readStaticPage(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "actor." + type.dbValue()} for every type; people's types also have a plural. */
    private static Set<String> actorKeys() {
        Set<String> keys = new TreeSet<>();
        for (ActorType type : ActorType.values()) {
            keys.add("actor." + type.dbValue());
            if (type != ActorType.SYSTEM && type != ActorType.OPERATOR) {
                keys.add("actor." + type.dbValue() + ".plural");
            }
        }
        return keys;
    }

    /** {@code "tenants.status." + status.name()}: the operator console's status badges. */
    private static Set<String> tenantStatusKeys() {
        return Arrays.stream(Tenant.Status.values())
                .map(status -> "tenants.status." + status.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code "language." + locale.getLanguage()}: each language names itself in the menus. */
    private static Set<String> languageKeys() {
        return Translations.SUPPORTED.stream()
                .map(locale -> "language." + locale.getLanguage())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * {@code "role.predefined." + code}: the name a predefined role is shown with (the role's own name
     * column holds its code, so each language can name it).
     */
    private static Set<String> predefinedRoleKeys() {
        return Arrays.stream(PredefinedRole.values())
                .map(role -> "role.predefined." + role.code())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * {@code "permission.module." + module} and {@code "permission.action." + action} in the permission
     * matrix, for every permission some module declares (its {@link ModulePermissions} bean).
     */
    /** {@code prefix} + each constant's name in lower case with dashes ("sales.status.partially-delivered"). */
    private static Set<String> slugs(String prefix, Enum<?>[] values) {
        return Arrays.stream(values)
                .map(value -> prefix + value.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> permissionKeys(String prefix, Function<Permission, String> part) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.nexo").stream()
                        .filter(type -> type.isAssignableTo(ModulePermissions.class) && !type.isInterface())
                        .flatMap(type -> declaredPermissions(type.reflect()).stream())
                        .map(permission -> prefix + part.apply(permission))
                        .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Permission> declaredPermissions(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return ((ModulePermissions) constructor.newInstance()).permissions();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a no-argument constructor for this test", e);
        }
    }

    /** {@code field.labelKey()}: account field labels in forms, conflict details, merge and CSV headers. */
    private static Set<String> accountFieldKeys() {
        return Arrays.stream(com.nexo.accounts.account.AccountField.values())
                .map(com.nexo.accounts.account.AccountField::labelKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code "security-event." + type}: the security log names each kind of event. */
    private static Set<String> prefixed(String prefix, java.util.stream.Stream<String> names) {
        return names.map(name -> prefix + name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> securityEventKeys() {
        return Arrays.stream(SecurityEventType.values())
                .map(type -> "security-event." + type.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add("{" + matcher.group(1) + "}");
        }
        return found;
    }

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(BUNDLES.get(locale).stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static String resource(Locale locale) {
        return "/vaadin-i18n/translations_" + locale.getLanguage() + ".properties";
    }

    /** Read as UTF-8, as {@link java.util.ResourceBundle} does since Java 9. */
    private static Properties load(Locale locale) {
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream(resource(locale))) {
            assertThat(in).as(resource(locale)).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Locale locale) {
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream(resource(locale))) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.nexo.tenancy;

import static com.nexo.tenancy.IsolationSupport.connect;
import static com.nexo.tenancy.IsolationSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The migrations stay readable per module: one folder per module, each listed in Flyway's locations;
 * functions and their triggers in repeatable {@code R__<module>_<topic>.sql} files, one current
 * definition each; versioned files that installations have applied never edited.
 */
@NexoSpringTest
class MigrationLayoutTest {

    private static final Path MIGRATIONS = Path.of("db/migration");

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__([a-z]+)_[a-z0-9_]+\\.sql");
    private static final Pattern CREATE_FUNCTION =
            Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+(?:public\\.)?(\\w+)\\s*\\(");
    private static final Pattern CREATE_TRIGGER =
            Pattern.compile("(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?TRIGGER\\s+(\\w+)\\s");

    /**
     * SHA-256 of each versioned migration that installations have applied (main as of V18). Flyway
     * refuses to start on a database whose applied file changed; this says so before any database
     * does. A new versioned file joins the list once a release has shipped it.
     */
    private static final Map<String, String> APPLIED = Map.ofEntries(
            Map.entry(
                    "tenancy/V1__tenancy_core.sql", "e02ce6af2d0810c8319f76dd451ef003e1c5bdd5e1d5631ad028589d9c094e94"),
            Map.entry(
                    "security/V2__self_update_guard.sql",
                    "c96bfad8c6e5cf9415edd19c78aa32c52dcb6523aae6c52822d0eb391c37271b"),
            Map.entry(
                    "security/V3__identity_and_access.sql",
                    "886a202a48c670bc2771a17cf3febcb780258395467b8079d610d4efb56c468d"),
            Map.entry(
                    "security/V4__platform_operator.sql",
                    "f3bc013bbda944b67c26b915ce725907045d4e920f14f6a9e39915cf8f042a81"),
            Map.entry(
                    "security/V5__single_sign_on.sql",
                    "e9525c3c537890ba05d50e2570c5f22c7fb06f03cb0a2fde4855a3be792816c5"),
            Map.entry(
                    "history/V6__change_history.sql",
                    "859192856c7869e9f0d8b8f7a3dfc591fa37239fba94b49d50ec2df1428cbab7"),
            Map.entry("accounts/V7__accounts.sql", "e302da3dfbfc6a5d6d94c70e9c18b7aa9c6e99924bb5c301a944fabf037cbac8"),
            Map.entry(
                    "accounts/V8__accounts_refinements.sql",
                    "d44c079d3120fc9370d708402812c770f0dcf40424ec8a04421969f94858c0f8"),
            Map.entry(
                    "security/V10__login_throttle_purge.sql",
                    "634b62fe55766e09f175c2228dba13805e4841237040c0d3525f80fd6641e7f4"),
            Map.entry(
                    "articles/V11__articles_catalogue.sql",
                    "954484f0a0a4823d463b8fa18911f40cabe9f60c1e5e619989f62e7353f93997"),
            Map.entry(
                    "articles/V12__stock_ledger.sql",
                    "50349ee41a559c0621be2086211bb1dd49caa72ca324e6738a4019b1e28fc706"),
            Map.entry(
                    "articles/V13__articles_accounts_search_history.sql",
                    "8cc45e528972fc38ebbe19eb61f57e011e409a1508a68884ddcd3456f9bbbf27"),
            Map.entry(
                    "accounts/V14__accounts_search_words.sql",
                    "8a79ac1af25071d1926d3933394b61b6dbe209bf7702e42d92f07c561791d86d"),
            Map.entry(
                    "articles/V15__replenishment_below_minimum.sql",
                    "e0d5bf4b1c38ff74ade09253e0bf7acd35cf376d4f52b6c57e228c56c9ab16c2"),
            Map.entry(
                    "articles/V16__articles_search_words.sql",
                    "61f60d8813fc30135767310a6fef7a2e99f63f1e5845bc9652a1c99cca998fe3"),
            Map.entry(
                    "articles/V18__category_children.sql",
                    "5801c1a7b877b9d1a317a91ba5cca4b3b09e63f261cbdfa7858cb1f2d392bbb3"));

    /** The last version installations had before functions moved to repeatable files. */
    private static final int LAST_VERSION_WITH_FUNCTIONS = 18;

    @Value("${spring.flyway.locations}")
    private String[] locations;

    @Test
    void every_module_folder_is_a_flyway_location_and_every_location_a_folder() throws IOException {
        Set<String> folders;
        try (Stream<Path> children = Files.list(MIGRATIONS)) {
            folders = children.filter(Files::isDirectory)
                    .map(folder -> "classpath:db/migration/" + folder.getFileName())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = Arrays.stream(locations).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("spring.flyway.locations").isEqualTo(folders);
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .as("migrations outside a module folder")
                    .isEmpty();
        }
    }

    @Test
    void every_file_is_named_for_flyway_and_repeatable_files_for_their_folder() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : migrationFiles()) {
            String name = file.getFileName().toString();
            String folder = file.getParent().getFileName().toString();
            Matcher repeatable = REPEATABLE.matcher(name);
            if (repeatable.matches()) {
                if (!repeatable.group(1).equals(folder)) {
                    offenders.add(folder + "/" + name + ": R__<module>_<topic>.sql of another module");
                }
            } else if (!VERSIONED.matcher(name).matches()) {
                offenders.add(folder + "/" + name + ": neither V<n>__<words>.sql nor R__<module>_<topic>.sql");
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void versions_are_unique_across_module_folders() throws IOException {
        Map<Integer, List<String>> byVersion = new TreeMap<>();
        for (Path file : migrationFiles()) {
            Matcher versioned = VERSIONED.matcher(file.getFileName().toString());
            if (versioned.matches()) {
                byVersion
                        .computeIfAbsent(Integer.parseInt(versioned.group(1)), v -> new ArrayList<>())
                        .add(relative(file));
            }
        }
        assertThat(byVersion.values().stream().filter(files -> files.size() > 1).toList())
                .isEmpty();
    }

    @Test
    void applied_versioned_migrations_are_never_edited() throws IOException, NoSuchAlgorithmException {
        Map<String, String> actual = new TreeMap<>();
        for (String file : APPLIED.keySet()) {
            byte[] content = Files.readAllBytes(MIGRATIONS.resolve(file));
            actual.put(
                    file,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        assertThat(actual).isEqualTo(new TreeMap<>(APPLIED));
    }

    /** New versioned files hold tables and data; a function's current body lives in one R__ file. */
    @Test
    void functions_and_triggers_are_defined_in_repeatable_files_once_each() throws IOException {
        Map<String, List<String>> functions = new TreeMap<>();
        List<String> inNewVersionedFiles = new ArrayList<>();
        for (Path file : migrationFiles()) {
            String sql = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
            Matcher versioned = VERSIONED.matcher(file.getFileName().toString());
            boolean repeatable = !versioned.matches();
            for (Pattern definition : List.of(CREATE_FUNCTION, CREATE_TRIGGER)) {
                Matcher found = definition.matcher(sql);
                while (found.find()) {
                    if (repeatable) {
                        functions
                                .computeIfAbsent(
                                        found.group(1).toLowerCase(java.util.Locale.ROOT), f -> new ArrayList<>())
                                .add(relative(file));
                    } else if (Integer.parseInt(versioned.group(1)) > LAST_VERSION_WITH_FUNCTIONS) {
                        inNewVersionedFiles.add(relative(file) + ": " + found.group(1));
                    }
                }
            }
        }
        assertThat(inNewVersionedFiles)
                .as("functions or triggers defined in versioned files")
                .isEmpty();
        assertThat(functions.entrySet().stream()
                        .filter(entry -> entry.getValue().size() > 1)
                        .map(Map.Entry::toString)
                        .toList())
                .as("defined in more than one repeatable file")
                .isEmpty();
    }

    /**
     * What the database holds has its current definition in a repeatable file: every function of
     * NEXO's schema, and every trigger but the history triggers, which nexo_track_history(...) in the
     * versioned file of their table declares.
     */
    @Test
    void every_function_and_trigger_of_the_database_has_its_repeatable_definition() throws IOException, SQLException {
        Set<String> defined = new TreeSet<>();
        for (Path file : migrationFiles()) {
            if (REPEATABLE.matcher(file.getFileName().toString()).matches()) {
                String sql = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
                for (Pattern definition : List.of(CREATE_FUNCTION, CREATE_TRIGGER)) {
                    Matcher found = definition.matcher(sql);
                    while (found.find()) {
                        defined.add(found.group(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        try (Connection db = connect()) {
            List<String> inDatabase = texts(db, """
                    SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'public'
                       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                          AND d.objid = p.oid AND d.deptype = 'e')
                    UNION
                    SELECT t.tgname FROM pg_trigger t
                     WHERE NOT t.tgisinternal AND t.tgfoid <> 'nexo_history_capture'::regproc
                    """);
            assertThat(inDatabase).isNotEmpty();
            assertThat(new TreeSet<>(inDatabase)).isSubsetOf(defined);
        }
    }

    private static List<Path> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    private static String relative(Path file) {
        return MIGRATIONS.relativize(file).toString();
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}

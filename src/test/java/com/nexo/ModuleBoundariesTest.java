package com.nexo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tables belong to one module ({@code db/table-owners.properties}); only that module's Java code may
 * name them in SQL. {@code ApplicationModules.verify()} sees Java dependencies only, so this test reads
 * the SQL itself: every table the migrations create has an owner, and no string literal or text block
 * of a module names another module's table after an SQL keyword.
 */
class ModuleBoundariesTest {

    private static final Path OWNERS = Path.of("db/table-owners.properties");
    private static final Path MIGRATIONS = Path.of("db/migration");
    private static final Path MODULES = Path.of("src/main/java/com/nexo");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"?public\"?\\.)?\"?(\\w+)\"?",
            Pattern.CASE_INSENSITIVE);

    /**
     * A keyword after which SQL names a table, then the table (optionally {@code public.}-qualified
     * or quoted). {@code FROM} and {@code JOIN} also cover {@code DELETE FROM} and every kind of join.
     */
    static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile(
            "\\b(?:FROM|JOIN|UPDATE|INTO|TABLE|TRUNCATE|ANALYZE|VACUUM|REFERENCES|COPY)\\s+(?:ONLY\\s+)?"
                    + "(?:\"?public\"?\\s*\\.\\s*)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?",
            Pattern.CASE_INSENSITIVE);

    /** A JPA mapping to a table: {@code @Table(name = "x")}, {@code @JoinTable(name = "x")} and the like. */
    private static final Pattern MAPPED_TABLE = Pattern.compile(
            "@(?:Table|JoinTable|CollectionTable|SecondaryTable)\\s*\\([^)]*?\\bname\\s*=\\s*\"(?:public\\.)?(\\w+)\"");

    /** The further tables of a comma-separated {@code FROM a x, b y} list. */
    private static final Pattern NEXT_IN_FROM_LIST = Pattern.compile(
            "\\G(?:\\s+(?:AS\\s+)?(?!(?:WHERE|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|ON|GROUP|ORDER|LIMIT|UNION)\\b)\\w+)?"
                    + "\\s*,\\s*(?:\"?public\"?\\s*\\.\\s*)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?",
            Pattern.CASE_INSENSITIVE);

    @Test
    void every_table_the_migrations_create_has_an_owning_module() throws IOException {
        Map<String, String> owners = owners();
        Set<String> modules = modules();
        Map<String, Path> created = createdTables();

        assertThat(created).as("tables created by db/migration").isNotEmpty();
        List<String> problems = new ArrayList<>();
        created.forEach((table, file) -> {
            if (!owners.containsKey(table)) {
                problems.add(file + " creates table " + table + ", which " + OWNERS + " does not list");
            }
        });
        owners.forEach((table, owner) -> {
            if (!modules.contains(owner)) {
                problems.add(OWNERS + " gives table " + table + " to " + owner + ", which is no module of " + MODULES
                        + " " + modules);
            }
        });
        assertThat(problems).as("tables without an owner").isEmpty();
    }

    @Test
    void no_module_names_a_table_that_another_module_owns_in_its_sql() throws IOException {
        Map<String, String> owners = owners();
        List<String> crossings = new ArrayList<>();
        for (String module : modules()) {
            try (Stream<Path> files = Files.walk(MODULES.resolve(module))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    for (Crossing crossing :
                            crossings(Files.readString(file, StandardCharsets.UTF_8), module, owners)) {
                        crossings.add(file + ":" + crossing.line() + " (module " + module + ") names table "
                                + crossing.table() + ", owned by module " + crossing.owner()
                                + ": go through that module's API");
                    }
                }
            }
        }
        assertThat(crossings).as("SQL across module boundaries").isEmpty();
    }

    @Test
    void the_check_sees_sql_split_over_literals_text_blocks_qualified_names_and_entity_mappings() {
        Map<String, String> owners = Map.of("account", "accounts", "app_user", "security", "article", "articles");
        String source = """
                class Planted {
                    // SELECT * FROM account  (a comment is no SQL)
                    String a = "SELECT id FROM " + "public.account WHERE id = ?";
                    String b = \"""
                        SELECT a.code
                          FROM article a
                          LEFT JOIN "app_user" u ON u.id = a.created_by
                        \""";
                    String c = "SELECT 1 FROM article x, account y";
                    String d = "the article's account";
                }
                @Entity
                @Table(name = "app_user")
                class Mapped {}
                """;

        List<Crossing> found = crossings(source, "articles", owners);

        assertThat(found)
                .extracting(Crossing::table, Crossing::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app_user", 13),
                        org.assertj.core.groups.Tuple.tuple("account", 3),
                        org.assertj.core.groups.Tuple.tuple("app_user", 7),
                        org.assertj.core.groups.Tuple.tuple("account", 9));
    }

    record Crossing(String table, String owner, int line) {}

    /**
     * The tables of other modules that the SQL in {@code source}'s string literals names, or that its
     * JPA entities are mapped to.
     */
    static List<Crossing> crossings(String source, String module, Map<String, String> owners) {
        List<Crossing> found = new ArrayList<>();
        Matcher mapped = MAPPED_TABLE.matcher(source);
        while (mapped.find()) {
            String table = mapped.group(1).toLowerCase(java.util.Locale.ROOT);
            String owner = owners.get(table);
            if (owner != null && !owner.equals(module)) {
                found.add(new Crossing(table, owner, lineOf(source, mapped.start(1))));
            }
        }
        for (Literal literal : literals(source)) {
            Matcher keyword = TABLE_AFTER_KEYWORD.matcher(literal.text());
            while (keyword.find()) {
                check(keyword.group(1), keyword.start(1), literal, source, module, owners, found);
                if (keyword.group().regionMatches(true, 0, "FROM", 0, 4)) {
                    Matcher next = NEXT_IN_FROM_LIST.matcher(literal.text());
                    int at = keyword.end();
                    while (next.find(at)) {
                        check(next.group(1), next.start(1), literal, source, module, owners, found);
                        at = next.end();
                    }
                }
            }
        }
        return found;
    }

    private static void check(
            String name,
            int offset,
            Literal literal,
            String source,
            String module,
            Map<String, String> owners,
            List<Crossing> found) {
        String table = name.toLowerCase(java.util.Locale.ROOT);
        String owner = owners.get(table);
        if (owner != null && !owner.equals(module)) {
            found.add(new Crossing(table, owner, lineOf(source, literal.sourceOffset(offset))));
        }
    }

    /**
     * A string literal or text block, or several joined with {@code +}, as one text, with a map from
     * positions in that text back to the source (for line numbers).
     */
    record Literal(String text, int[] sourceOffsets) {

        int sourceOffset(int textOffset) {
            return sourceOffsets[Math.min(textOffset, sourceOffsets.length - 1)];
        }
    }

    /** Every literal of a Java source, comments and character literals skipped. */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        StringBuilder text = null;
        List<Integer> offsets = null;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            char next = i + 1 < n ? source.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '"') {
                boolean block = source.startsWith("\"\"\"", i);
                int start = i + (block ? 3 : 1);
                int end = start;
                while (end < n && !(block ? source.startsWith("\"\"\"", end) : source.charAt(end) == '"')) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (text == null) {
                    text = new StringBuilder();
                    offsets = new ArrayList<>();
                } else {
                    // Joined with "+": a space keeps the parts' words apart as the SQL would.
                    text.append(' ');
                    offsets.add(start);
                }
                for (int k = start; k < Math.min(end, n); k++) {
                    text.append(source.charAt(k));
                    offsets.add(k);
                }
                i = Math.min(n, end + (block ? 3 : 1));
                int after = skipBlanks(source, i);
                if (after < n && source.charAt(after) == '+') {
                    int following = skipBlanks(source, after + 1);
                    if (following < n && source.charAt(following) == '"') {
                        i = following;
                        continue;
                    }
                }
                literals.add(new Literal(
                        text.toString(),
                        offsets.stream().mapToInt(Integer::intValue).toArray()));
                text = null;
                offsets = null;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int skipBlanks(String source, int from) {
        int i = from;
        while (i < source.length()) {
            if (Character.isWhitespace(source.charAt(i))) {
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Map<String, String> owners() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(OWNERS, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> owners = new TreeMap<>();
        properties.forEach((table, owner) -> owners.put(
                table.toString().strip().toLowerCase(java.util.Locale.ROOT),
                owner.toString().strip()));
        return owners;
    }

    private static Set<String> modules() throws IOException {
        try (Stream<Path> entries = Files.list(MODULES)) {
            return entries.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Map<String, Path> createdTables() throws IOException {
        Map<String, Path> tables = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String sql = withoutSqlComments(read(file));
                Matcher create = CREATE_TABLE.matcher(sql);
                while (create.find()) {
                    tables.putIfAbsent(create.group(1).toLowerCase(java.util.Locale.ROOT), file);
                }
            }
        }
        return tables;
    }

    /** SQL without its {@code --} and block comments, so that a commented-out statement does not count. */
    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

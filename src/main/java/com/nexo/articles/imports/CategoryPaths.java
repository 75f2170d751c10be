package com.nexo.articles.imports;

import com.nexo.base.Ids;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Category paths as a file writes them ({@code Herramientas/Manuales/Martillos}) to the categories of
 * the tree: each name is looked for among the children of the category before it (in Spanish or
 * English, case and accents ignored), and what is missing is created under it. Set-based, one level
 * of the tree at a time: every path of a batch costs two reads and one insert per level, however
 * many rows name it. New categories take their name in both languages from the file and a code made
 * from the name ({@code MARTILLOS}, {@code MARTILLOS-2} when taken).
 */
@Component
class CategoryPaths {

    /** The longest name a segment may have. */
    static final int MAX_NAME = 120;

    private static final int MAX_CODE = 32;

    private static final String CHILDREN = """
            SELECT c.id, c.parent_id, c.name_es, c.name_en, c.path, c.depth
              FROM article_category c
             WHERE c.parent_id = ANY(CAST(:parents AS uuid[])) OR (:roots AND c.parent_id IS NULL)
            """;

    private static final String TAKEN_CODES = """
            SELECT c.code FROM article_category c
             WHERE c.code = ANY(CAST(:codes AS text[])) OR c.code LIKE ANY(CAST(:patterns AS text[]))
            """;

    private static final String INSERT = """
            INSERT INTO article_category (id, parent_id, code, name_es, name_en, path, depth)
            SELECT n.id, n.parent_id, n.code, n.name, n.name, n.path, n.depth
              FROM unnest(CAST(:ids AS uuid[]), CAST(:parents AS uuid[]), CAST(:codes AS text[]),
                          CAST(:names AS text[]), CAST(:paths AS text[]), CAST(:depths AS integer[]))
                   AS n(id, parent_id, code, name, path, depth)
            """;

    private final JdbcClient jdbc;

    CategoryPaths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The names of a path, or null when it is not one: empty names ({@code A//B}) or a name longer
     * than {@value #MAX_NAME}. Slashes and backslashes both separate; spaces around names go.
     */
    static List<String> parse(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : path.strip().split("[/\\\\]", -1)) {
            String name = part.strip().replaceAll("\\s+", " ");
            if (name.isEmpty() || name.length() > MAX_NAME) {
                return null;
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** What resolving some paths found: each path's category, and how many categories were created. */
    record Resolved(Map<List<String>, UUID> categories, int created) {

        /** The category of a path; null when it does not exist (and was not to be created). */
        UUID of(List<String> path) {
            return categories.get(path);
        }
    }

    /**
     * The category of every path; with {@code create}, missing categories are created on the way
     * (a dry run leaves them out: their paths resolve to null).
     */
    Resolved resolve(Collection<List<String>> paths, boolean create) {
        Set<List<String>> wanted = new LinkedHashSet<>();
        for (List<String> path : paths) {
            // Every prefix is a category on the way.
            for (int n = 1; n <= path.size(); n++) {
                wanted.add(List.copyOf(path.subList(0, n)));
            }
        }
        Map<List<String>, Node> found = new HashMap<>();
        int created = 0;
        int depth = 0;
        while (true) {
            int level = depth;
            List<List<String>> here =
                    wanted.stream().filter(p -> p.size() == level + 1).toList();
            if (here.isEmpty()) {
                break;
            }
            Set<UUID> parentIds = new HashSet<>();
            boolean roots = false;
            for (List<String> path : here) {
                if (level == 0) {
                    roots = true;
                } else {
                    Node parent = found.get(path.subList(0, level));
                    if (parent != null) {
                        parentIds.add(parent.id());
                    }
                }
            }
            Map<String, Node> children = new HashMap<>();
            if (roots || !parentIds.isEmpty()) {
                jdbc.sql(CHILDREN)
                        .param("parents", parentIds.toArray(UUID[]::new))
                        .param("roots", roots)
                        .query(rs -> {
                            Node node =
                                    new Node(rs.getObject("id", UUID.class), rs.getString("path"), rs.getInt("depth"));
                            UUID parent = rs.getObject("parent_id", UUID.class);
                            // The Spanish name first: it wins when another category's English name is the same.
                            children.putIfAbsent(childKey(parent, rs.getString("name_es")), node);
                            children.putIfAbsent(childKey(parent, rs.getString("name_en")), node);
                        });
            }
            List<List<String>> missing = new ArrayList<>();
            for (List<String> path : here) {
                Node parent = level == 0 ? null : found.get(path.subList(0, level));
                if (level > 0 && parent == null) {
                    continue; // below a category that a dry run did not create
                }
                Node node = children.get(childKey(parent == null ? null : parent.id(), path.getLast()));
                if (node != null) {
                    found.put(path, node);
                } else if (create) {
                    missing.add(path);
                }
            }
            if (!missing.isEmpty()) {
                created += insert(missing, found);
            }
            depth++;
        }
        Map<List<String>, UUID> result = new HashMap<>();
        for (List<String> path : paths) {
            Node node = found.get(path);
            result.put(path, node == null ? null : node.id());
        }
        return new Resolved(result, created);
    }

    private int insert(List<List<String>> missing, Map<List<String>, Node> found) {
        List<String> codes = codesFor(missing.stream().map(List::getLast).toList());
        int n = missing.size();
        UUID[] ids = new UUID[n];
        UUID[] parents = new UUID[n];
        String[] names = new String[n];
        String[] paths = new String[n];
        Integer[] depths = new Integer[n];
        for (int i = 0; i < n; i++) {
            List<String> path = missing.get(i);
            Node parent = path.size() == 1 ? null : found.get(path.subList(0, path.size() - 1));
            UUID id = Ids.newId();
            ids[i] = id;
            parents[i] = parent == null ? null : parent.id();
            names[i] = path.getLast();
            paths[i] = (parent == null ? "/" : parent.path()) + id + "/";
            depths[i] = parent == null ? 0 : parent.depth() + 1;
            found.put(path, new Node(id, paths[i], depths[i]));
        }
        jdbc.sql(INSERT)
                .param("ids", ids)
                .param("parents", parents)
                .param("codes", codes.toArray(String[]::new))
                .param("names", names)
                .param("paths", paths)
                .param("depths", depths)
                .update();
        return n;
    }

    /** A free code for each name, in order: the name in capitals, then with -2, -3... when taken. */
    private List<String> codesFor(List<String> names) {
        List<String> bases = names.stream().map(CategoryPaths::codeBase).toList();
        Set<String> distinct = new LinkedHashSet<>(bases);
        Set<String> taken = new HashSet<>(jdbc.sql(TAKEN_CODES)
                .param("codes", distinct.toArray(String[]::new))
                .param(
                        "patterns",
                        distinct.stream()
                                .map(base -> base.replace("\\", "\\\\").replace("_", "\\_") + "-%")
                                .toArray(String[]::new))
                .query(String.class)
                .list());
        List<String> codes = new ArrayList<>(names.size());
        for (String base : bases) {
            String code = base;
            for (int n = 2; taken.contains(code); n++) {
                String suffix = "-" + n;
                code = base.substring(0, Math.min(base.length(), MAX_CODE - suffix.length())) + suffix;
            }
            taken.add(code);
            codes.add(code);
        }
        return codes;
    }

    /**
     * A name as a code: without accents, in capitals, anything but letters, digits, dots, dashes and
     * underscores as one dash; short enough to take a suffix.
     */
    static String codeBase(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9._-]+", "-")
                .replaceAll("^[^A-Z0-9]+", "")
                .replaceAll("-+$", "");
        if (plain.length() > MAX_CODE - 4) {
            plain = plain.substring(0, MAX_CODE - 4).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "CAT" : plain;
    }

    /** A child's name under its parent as names are compared: lower case, no accents, single spaces. */
    private static String childKey(UUID parent, String name) {
        return Objects.toString(parent, "") + "/" + comparable(name);
    }

    static String comparable(String name) {
        return Normalizer.normalize(name == null ? "" : name.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private record Node(UUID id, String path, int depth) {}
}

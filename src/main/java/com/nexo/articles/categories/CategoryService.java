package com.nexo.articles.categories;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleRepository;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category tree of the catalogue: unlimited depth, branches move with their whole subtree. */
@Service
public class CategoryService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private final CategoryRepository categories;
    private final ArticleRepository articles;
    private final JdbcClient jdbc;

    CategoryService(CategoryRepository categories, ArticleRepository articles, JdbcClient jdbc) {
        this.categories = categories;
        this.articles = articles;
        this.jdbc = jdbc;
    }

    /**
     * One page of the children of {@code parentId} (of the root categories when null) after
     * {@code after} (null: the first page), by code, each with how many children it has. A tree view
     * reads the tree this way, one level and one page at a time; the index on (tenant, parent, code)
     * serves both the page and the counts (V18).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public Page<CategoryTreeNode> children(UUID parentId, PageCursor after, int limit) {
        return childrenOf(parentId).page(jdbc, BY_CODE, after, limit, TREE_NODE);
    }

    /** How many children {@code parentId} has (how many root categories when null): exact up to 1,000. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public int countChildren(UUID parentId) {
        return (int) Math.min(
                Integer.MAX_VALUE,
                childrenOf(parentId).count(jdbc, EXACT_COUNT_LIMIT).value());
    }

    private static ListQuery childrenOf(UUID parentId) {
        ListQuery query = ListQuery.select(TREE_COLUMNS).from("article_category c");
        // Two conditions rather than "parent_id IS NOT DISTINCT FROM :parent", which no index serves.
        return parentId == null
                ? query.where("c.parent_id IS NULL")
                : query.where("c.parent_id = :parent", "parent", parentId);
    }

    /**
     * The way from the root down to a category, the category itself last: what a breadcrumb shows.
     * Read from the category's path, so it costs one look-up per level whatever the tree's size.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public List<CategoryNode> ancestry(UUID categoryId) {
        ArticleCategory category = find(categoryId);
        List<UUID> ids = Arrays.stream(category.getPath().split("/"))
                .filter(part -> !part.isEmpty())
                .map(UUID::fromString)
                .toList();
        return categories.findAllById(ids).stream()
                .map(CategoryNode::of)
                .sorted(Comparator.comparingInt(CategoryNode::depth))
                .toList();
    }

    /**
     * One page of categories for a picker after {@code after} (null: the first page): those whose
     * code or name (either language, accents and case ignored) contains {@code filter}, by code.
     * Pickers page through it lazily, so a tenant with thousands of categories never loads them all.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public Page<CategoryNode> lookup(String filter, PageCursor after, int limit) {
        return matching(filter).page(jdbc, BY_CODE, after, limit, NODE);
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of {@link #lookup(String, PageCursor, int)}, for
     * pickers that page by offset (read as keyset pages from the start).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public List<CategoryNode> lookup(String filter, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(0, Math.min(limit, ListQuery.MAX_PAGE_SIZE - from));
        if (size == 0) {
            return List.of();
        }
        List<CategoryNode> rows = lookup(filter, null, from + size).rows();
        return rows.size() <= from ? List.of() : rows.subList(from, rows.size());
    }

    private static ListQuery matching(String filter) {
        String text = filter == null ? "" : filter.strip();
        ListQuery query = ListQuery.select(NODE_COLUMNS).from("article_category c");
        if (!text.isEmpty()) {
            query.where(
                    "unaccent(lower(c.code || ' ' || c.name_es || ' ' || c.name_en)) LIKE '%' || unaccent(lower(:text)) || '%'",
                    "text", escapeLike(text));
        }
        return query;
    }

    /** Moves a category with its whole subtree: every path under the old one, in one statement. */
    private static final String MOVE_SUBTREE = """
            UPDATE article_category
               SET path = :newPath || substr(path, length(:oldPath) + 1),
                   depth = depth + :depthChange,
                   parent_id = CASE WHEN id = :id THEN CAST(:parentId AS uuid) ELSE parent_id END,
                   version = version + CASE WHEN id = :id THEN 1 ELSE 0 END,
                   updated_at = now()
             WHERE path LIKE :pattern
            """;

    private static final ListOrder BY_CODE = ListOrder.keyset("c.code", "text", "c.id", false);
    private static final int EXACT_COUNT_LIMIT = 1000;
    private static final String NODE_COLUMNS = "c.id, c.parent_id, c.code, c.name_es, c.name_en, c.depth";
    private static final String TREE_COLUMNS =
            NODE_COLUMNS + ", (SELECT count(*) FROM article_category k WHERE k.parent_id = c.id) AS child_count";

    private static final RowMapper<CategoryNode> NODE = (rs, i) -> new CategoryNode(
            rs.getObject("id", UUID.class),
            rs.getObject("parent_id", UUID.class),
            rs.getString("code"),
            rs.getString("name_es"),
            rs.getString("name_en"),
            rs.getInt("depth"));

    private static final RowMapper<CategoryTreeNode> TREE_NODE = (rs, i) -> new CategoryTreeNode(
            rs.getObject("id", UUID.class),
            rs.getObject("parent_id", UUID.class),
            rs.getString("code"),
            rs.getString("name_es"),
            rs.getString("name_en"),
            rs.getInt("depth"),
            rs.getInt("child_count"));

    /** One category by id, for showing a picker's current value. */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public Optional<CategoryNode> findCategory(UUID categoryId) {
        return categoryId == null
                ? Optional.empty()
                : categories.findById(categoryId).map(CategoryNode::of);
    }

    /** These categories by id, in one read (those that are gone are left out). */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.READ, ArticlePermissions.STOCK_READ})
    public Map<UUID, CategoryNode> categoriesById(java.util.Collection<UUID> categoryIds) {
        List<UUID> ids = categoryIds.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, CategoryNode> found = new HashMap<>();
        if (!ids.isEmpty()) {
            categories.findAllById(ids).forEach(category -> found.put(category.getId(), CategoryNode.of(category)));
        }
        return found;
    }

    /** A new category under {@code parentId} (a root category when null). */
    @Transactional
    @RolesAllowed({ArticlePermissions.CREATE, Roles.SYSTEM})
    public UUID createCategory(UUID parentId, String code, String nameEs, String nameEn) {
        String cleanCode = code == null ? "" : code.strip();
        if (!CODE.matcher(cleanCode).matches()) {
            throw new ArticleRuleException("articles.error.category-code-invalid");
        }
        if (blank(nameEs) || blank(nameEn)) {
            throw new ArticleRuleException("articles.error.category-name-required");
        }
        if (categories.existsByCode(cleanCode)) {
            throw new ArticleRuleException("articles.error.category-code-taken", cleanCode);
        }
        ArticleCategory parent = parentId == null ? null : find(parentId);
        ArticleCategory category = new ArticleCategory(parent, cleanCode, nameEs.strip(), nameEn.strip());
        categories.save(category);
        return category.getId();
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public void renameCategory(UUID categoryId, String nameEs, String nameEn) {
        if (blank(nameEs) || blank(nameEn)) {
            throw new ArticleRuleException("articles.error.category-name-required");
        }
        find(categoryId).rename(nameEs.strip(), nameEn.strip());
    }

    /**
     * Moves a category, with everything below it, under {@code newParentId} (to the root when null).
     * The moved category and the new parent are locked first (in id order, so two moves cannot
     * deadlock), then the paths of the whole subtree are rewritten in one statement. Moving a
     * category under itself or under one of its descendants is refused: that would make a cycle.
     *
     * @return how many categories changed their path (the moved one and its descendants)
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.EDIT)
    public int move(UUID categoryId, UUID newParentId) {
        List<UUID> ids = newParentId == null ? List.of(categoryId) : List.of(categoryId, newParentId);
        List<ArticleCategory> locked = categories.lockAll(ids);
        if (locked.size() != ids.stream().distinct().count()) {
            throw new ArticleRuleException("articles.error.category-not-found");
        }
        ArticleCategory moved = locked.stream()
                .filter(c -> c.getId().equals(categoryId))
                .findFirst()
                .orElseThrow();
        ArticleCategory parent = newParentId == null
                ? null
                : locked.stream()
                        .filter(c -> c.getId().equals(newParentId))
                        .findFirst()
                        .orElseThrow();
        if (parent != null && moved.contains(parent)) {
            throw new ArticleRuleException("articles.error.category-cycle");
        }
        String oldPath = moved.getPath();
        String newPath = (parent == null ? "/" : parent.getPath()) + moved.getId() + "/";
        if (oldPath.equals(newPath)) {
            return 0;
        }
        int depthChange = (parent == null ? 0 : parent.getDepth() + 1) - moved.getDepth();
        // The entity's own columns are rewritten by this statement too; keep Hibernate from writing stale ones.
        categories.flush();
        int changed = jdbc.sql(MOVE_SUBTREE)
                .param("newPath", newPath)
                .param("oldPath", oldPath)
                .param("depthChange", depthChange)
                .param("id", moved.getId())
                .param("parentId", newParentId)
                .param("pattern", likePrefix(oldPath))
                .update();
        return changed;
    }

    /** Deletes an empty category (no sub-categories, no articles). */
    @Transactional
    @RolesAllowed(ArticlePermissions.DELETE)
    public void deleteCategory(UUID categoryId) {
        ArticleCategory category = find(categoryId);
        if (categories.existsByParentId(categoryId)) {
            throw new ArticleRuleException("articles.error.category-has-children");
        }
        if (articles.existsByCategoryId(categoryId)) {
            throw new ArticleRuleException("articles.error.category-has-articles");
        }
        categories.delete(category);
    }

    ArticleCategory find(UUID categoryId) {
        return categories
                .findById(categoryId)
                .orElseThrow(() -> new ArticleRuleException("articles.error.category-not-found"));
    }

    /** A LIKE pattern matching every path that starts with {@code path} (ids hold no wildcards). */
    public static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package com.nexo.cms.library;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.CmsRuleException;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's categories: a tree of names in Spanish and English with a slug each. Every
 * reader lists them (portal roles too: the policies let them read the categories of their tenant);
 * editors create, rename, move and delete them (a category with articles or sub-categories stays).
 */
@Service
public class KnowledgeCategoryService {

    private static final int MAX_NAME = 120;
    private static final int MAX_SLUG = 80;

    private final JdbcClient jdbc;

    KnowledgeCategoryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every category, parents before children, siblings by position and name. */
    @Transactional(readOnly = true)
    @RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
    public List<CategoryRow> categories() {
        return jdbc.sql("WITH RECURSIVE tree AS ("
                        + " SELECT c.*, 0 AS depth,"
                        + "   ARRAY[lpad(c.position::text, 6, '0') || lower(coalesce(c.name_es, c.name_en))"
                        + "         || c.id::text] AS path"
                        + " FROM cms_category c WHERE c.parent_id IS NULL"
                        + " UNION ALL"
                        + " SELECT c.*, tree.depth + 1,"
                        + "   tree.path || (lpad(c.position::text, 6, '0') || lower(coalesce(c.name_es, c.name_en))"
                        + "         || c.id::text)"
                        + " FROM cms_category c JOIN tree ON c.parent_id = tree.id)"
                        + " SELECT t.id, t.parent_id, t.depth, t.slug, t.name_es, t.name_en, t.position, t.version,"
                        + " (SELECT count(*) FROM cms_item i WHERE i.tenant_id = t.tenant_id"
                        + "   AND i.category_id = t.id) AS articles"
                        + " FROM tree t ORDER BY t.path")
                .query((rs, i) -> new CategoryRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getInt("depth"),
                        rs.getString("slug"),
                        rs.getString("name_es"),
                        rs.getString("name_en"),
                        rs.getInt("position"),
                        rs.getLong("articles"),
                        rs.getLong("version")))
                .list();
    }

    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public UUID create(CategoryDraft draft) {
        CategoryDraft checked = checked(draft);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO cms_category (id, parent_id, slug, name_es, name_en, position)"
                            + " VALUES (:id, :parent, :slug, :es, :en, :position)")
                    .param("id", id)
                    .param("parent", checked.parentId())
                    .param("slug", checked.slug())
                    .param("es", checked.nameEs())
                    .param("en", checked.nameEn())
                    .param("position", checked.position())
                    .update();
        } catch (DuplicateKeyException e) {
            throw CmsRuleException.onField("slug", "cms.error.category-slug-taken", checked.slug());
        }
        return id;
    }

    /** Renames and moves a category (under another, or to the top); never under itself. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void update(UUID id, long version, CategoryDraft draft) {
        CategoryDraft checked = checked(draft);
        if (checked.parentId() != null) {
            boolean underItself = jdbc.sql("WITH RECURSIVE up(id, parent_id) AS ("
                            + " SELECT id, parent_id FROM cms_category WHERE id = :parent"
                            + " UNION SELECT c.id, c.parent_id FROM cms_category c JOIN up ON c.id = up.parent_id)"
                            + " SELECT EXISTS (SELECT 1 FROM up WHERE id = :id)")
                    .param("parent", checked.parentId())
                    .param("id", id)
                    .query(Boolean.class)
                    .single();
            if (underItself) {
                throw CmsRuleException.onField("parentId", "cms.error.category-inside-itself");
            }
        }
        int updated;
        try {
            updated = jdbc.sql("UPDATE cms_category SET parent_id = :parent, slug = :slug, name_es = :es,"
                            + " name_en = :en, position = :position, updated_at = now(), version = version + 1"
                            + " WHERE id = :id AND version = :version")
                    .param("id", id)
                    .param("version", version)
                    .param("parent", checked.parentId())
                    .param("slug", checked.slug())
                    .param("es", checked.nameEs())
                    .param("en", checked.nameEn())
                    .param("position", checked.position())
                    .update();
        } catch (DuplicateKeyException e) {
            throw CmsRuleException.onField("slug", "cms.error.category-slug-taken", checked.slug());
        }
        if (updated == 0) {
            throw new CmsRuleException("error.concurrent-edit");
        }
    }

    /** Deletes a category without articles or sub-categories. */
    @Transactional
    @RolesAllowed(CmsPermissions.EDIT)
    public void delete(UUID id, long version) {
        boolean inUse = jdbc.sql("SELECT EXISTS (SELECT 1 FROM cms_item WHERE category_id = :id)"
                        + " OR EXISTS (SELECT 1 FROM cms_category WHERE parent_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
        if (inUse) {
            throw new CmsRuleException("cms.error.category-not-empty");
        }
        int deleted = jdbc.sql("DELETE FROM cms_category WHERE id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .update();
        if (deleted == 0) {
            throw new CmsRuleException("error.concurrent-edit");
        }
    }

    private static CategoryDraft checked(CategoryDraft draft) {
        String es = blankToNull(draft.nameEs());
        String en = blankToNull(draft.nameEn());
        if (es == null && en == null) {
            throw CmsRuleException.onField("nameEs", "cms.error.category-name-required");
        }
        if ((es != null && es.length() > MAX_NAME) || (en != null && en.length() > MAX_NAME)) {
            throw CmsRuleException.onField(
                    es != null && es.length() > MAX_NAME ? "nameEs" : "nameEn",
                    "cms.error.category-name-too-long",
                    MAX_NAME);
        }
        String slug = blankToNull(draft.slug());
        slug = slug == null ? slugOf(es != null ? es : en) : slug.toLowerCase(Locale.ROOT);
        if (slug.isEmpty() || slug.length() > MAX_SLUG || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw CmsRuleException.onField("slug", "cms.error.category-slug-invalid");
        }
        return new CategoryDraft(draft.parentId(), slug, es, en, Math.max(0, draft.position()));
    }

    /** Lower-case ASCII words joined by hyphens: "Facturación y cobros" becomes "facturacion-y-cobros". */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        if (ascii.length() > MAX_SLUG) {
            ascii = ascii.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return ascii;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

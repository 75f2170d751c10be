package com.nexo.articles.categories;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A node of the category tree. {@code path} lists the ids from the root down to this node
 * ({@code /root/child/this/}); the subtree of a node is every category whose path starts with its path.
 * Paths of descendants are rewritten by {@link CategoryService#move} in one statement.
 */
@Entity
@Table(name = "article_category")
public class ArticleCategory extends TenantOwnedEntity {

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "name_es", nullable = false)
    private String nameEs;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false)
    private int depth;

    protected ArticleCategory() {}

    ArticleCategory(ArticleCategory parent, String code, String nameEs, String nameEn) {
        this.code = code;
        this.nameEs = nameEs;
        this.nameEn = nameEn;
        this.parentId = parent == null ? null : parent.getId();
        this.path = (parent == null ? "/" : parent.path) + getId() + "/";
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    void rename(String newNameEs, String newNameEn) {
        this.nameEs = newNameEs;
        this.nameEn = newNameEn;
    }

    /** Whether {@code other} is this category or lies below it. */
    boolean contains(ArticleCategory other) {
        return other.path.startsWith(path);
    }

    public UUID getParentId() {
        return parentId;
    }

    public String getCode() {
        return code;
    }

    public String getNameEs() {
        return nameEs;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }
}

package com.nexo.articles.ui;

import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.categories.CategoryTreeNode;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.ui.KeysetPaging;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The tree's data: the children of one node, a page at a time, straight from the service. */
final class CategoryLevels extends AbstractBackEndHierarchicalDataProvider<CategoryTreeNode, Void> {

    private final transient CategoryService categories;
    /** The cursors of the pages read of each level, by parent (the roots under null). */
    private final transient Map<UUID, KeysetPaging<CategoryTreeNode, PageCursor>> levels = new HashMap<>();

    CategoryLevels(CategoryService categories) {
        this.categories = categories;
    }

    @Override
    protected Stream<CategoryTreeNode> fetchChildrenFromBackEnd(HierarchicalQuery<CategoryTreeNode, Void> query) {
        UUID parent = parentId(query);
        KeysetPaging<CategoryTreeNode, PageCursor> paging = levels.computeIfAbsent(parent, key -> new KeysetPaging<>());
        return paging
                .rows(parent, query.getOffset(), query.getLimit(), (after, limit) -> {
                    Page<CategoryTreeNode> page = categories.children(parent, after, limit);
                    return new KeysetPaging.Page<>(page.rows(), page.next());
                })
                .stream();
    }

    @Override
    public void refreshAll() {
        levels.clear(); // categories were added, moved or deleted: read every level afresh
        super.refreshAll();
    }

    @Override
    public int getChildCount(HierarchicalQuery<CategoryTreeNode, Void> query) {
        return categories.countChildren(parentId(query));
    }

    @Override
    public boolean hasChildren(CategoryTreeNode item) {
        return item.hasChildren();
    }

    @Override
    public Object getId(CategoryTreeNode item) {
        return item.id();
    }

    private static UUID parentId(HierarchicalQuery<CategoryTreeNode, Void> query) {
        return query.getParentOptional().map(CategoryTreeNode::id).orElse(null);
    }
}

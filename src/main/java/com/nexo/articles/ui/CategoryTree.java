package com.nexo.articles.ui;

import com.nexo.articles.CategoryNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The category tree flattened for pickers: each node after its parent, siblings by code. */
final class CategoryTree {

    private CategoryTree() {}

    static List<CategoryNode> depthFirst(List<CategoryNode> nodes) {
        Map<UUID, List<CategoryNode>> children = new HashMap<>();
        for (CategoryNode node : nodes) {
            children.computeIfAbsent(node.parentId(), key -> new ArrayList<>()).add(node);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(CategoryNode::code)));
        List<CategoryNode> ordered = new ArrayList<>(nodes.size());
        visit(null, children, ordered);
        return ordered;
    }

    private static void visit(UUID parent, Map<UUID, List<CategoryNode>> children, List<CategoryNode> ordered) {
        for (CategoryNode child : children.getOrDefault(parent, List.of())) {
            ordered.add(child);
            visit(child.id(), children, ordered);
        }
    }

    /** The name in the user's language, indented by depth so the picker shows the tree. */
    static String indentedName(CategoryNode node, Locale locale) {
        String name = locale != null && "en".equals(locale.getLanguage()) ? node.nameEn() : node.nameEs();
        return "\u2003".repeat(node.depth()) + name;
    }
}
